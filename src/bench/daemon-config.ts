/**
 * The effective daemon configuration (audit spec §0.6) and the target mode (§0.3), derived once from a
 * snapshot and shared by the host/daemon checks (sections 1–4, 6, 7). Pure: reads only the snapshot.
 *
 * Each key resolves with the precedence API evidence > dockerd argv > daemon.json > documented default,
 * and says where its value came from. A key that cannot be decided (argv unreadable and the file silent,
 * file unreadable, no host access) carries `unknown` with the reason instead of a guessed default.
 */
import { allFlags, lastFlag, parseDaemonArgv, parseGoBool, type ParsedDaemonArgs } from './collector/daemon-args.js';
import type { FileEvidence, HostEvidence, ProcessEvidence, Snapshot, Sourced } from './snapshot.js';

/** Raw Engine JSON. */
type Json = unknown;

export type ConfigSource = 'api' | 'argv' | 'daemon.json' | 'default';

export interface ConfigValue {
  /** The effective value: boolean, string, string[] or a JSON object, per key kind; undefined with `unknown`. */
  value?: Json;
  source: ConfigSource;
  /** Snapshot pointers: `/engine/info#Debug`, `argv[3]`, `file:/etc/docker/daemon.json#/icc`. */
  evidence: string[];
  /** Why the value could not be decided (then `value` is undefined). */
  unknown?: string;
  /** The file changed after the daemon started: a daemon.json value is declared, not proven in effect. */
  declared?: string;
  /** The key is set both on argv and in daemon.json (dockerd refuses that at start: one changed since). */
  drift?: string;
}

export type KeyKind = 'bool' | 'string' | 'list' | 'object';

interface KeySpec {
  kind: KeyKind;
  /** Long flag name on dockerd's command line (short aliases are folded by the argv parser). */
  flag: string;
  /** Key in daemon.json. */
  json: string;
  /** Documented default when set nowhere (undefined = unset). */
  fallback?: (view: DaemonView) => Json;
  /** Effective value from the API, when the engine reports it. */
  api?: (view: DaemonView) => { value: Json; evidence: string } | undefined;
}

export type TargetModeKind = 'local' | 'local-unidentified' | 'rootless' | 'remote' | 'podman' | 'containerised';

export interface TargetMode {
  /** The most specific mode: podman > remote > rootless > containerised > local-unidentified > local. */
  kind: TargetModeKind;
  podman: boolean;
  remote: boolean;
  rootless: boolean;
  /** The auditor reads the host through /proc/1/root. */
  containerised: boolean;
  /** How each flag was decided. */
  evidence: string[];
}

export interface DaemonView {
  snapshot: Snapshot;
  mode: TargetMode;
  /** `/info` and `/version` as objects, when read. */
  info?: Record<string, Json>;
  version?: Record<string, Json>;
  /** `/info.SecurityOptions`, when read. */
  securityOptions?: string[];
  /** Engine release (`27.3.1` → [27, 3, 1]); undefined when unknown or not numeric. */
  engineVersion?: number[];
  /** Host evidence, or why there is none (checks report it as UNKNOWN). */
  host: Sourced<HostEvidence>;
  /** The identified dockerd, or why it was not. */
  dockerd: Sourced<ProcessEvidence>;
  /** Parsed dockerd argv, or why it is unavailable. */
  argv: Sourced<ParsedDaemonArgs>;
  /** daemon.json settings: an object, `null` when no file is in use (legitimate), or why unreadable/invalid. */
  file: Sourced<Record<string, Json> | null>;
  /** Path of the daemon.json in use, when known. */
  filePath?: string;
  /** Keys set both as a flag and in daemon.json. */
  drift: string[];
  /** Resolve one key (see KEYS); unknown keys throw, a programming error. */
  get(key: string): ConfigValue;
  /** Convenience: the boolean value, or undefined when unknown. */
  bool(key: string): boolean | undefined;
  /** Convenience: the string value, or undefined when unknown/unset. */
  string(key: string): string | undefined;
  /** Convenience: the list value (`[]` when unset), or undefined when unknown. */
  list(key: string): string[] | undefined;
}

function record(value: Json): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : undefined;
}

/** `name=X,k=v` entries of `/info.SecurityOptions` → the entry for X as a map, or undefined. */
export function securityOption(options: readonly string[] | undefined, name: string): Map<string, string> | undefined {
  for (const opt of options ?? []) {
    const fields = new Map(opt.split(',').map((kv) => {
      const eq = kv.indexOf('=');
      return eq < 0 ? [kv, ''] as const : [kv.slice(0, eq), kv.slice(eq + 1)] as const;
    }));
    if (fields.get('name') === name || opt === name) return fields;
  }
  return undefined;
}

/** The default bridge network (`default_bridge` option "true"); null when networks were read and none is; undefined when unread. */
export function defaultBridgeNetwork(snapshot: Snapshot): Record<string, Json> | null | undefined {
  if (!snapshot.engine.networks.ok) return undefined;
  for (const raw of snapshot.engine.networks.value) {
    const options = record(record(raw)?.['Options']);
    if (options?.['com.docker.network.bridge.default_bridge'] === 'true') return record(raw)!;
  }
  return null;
}

/** Line and column (1-based) of a character offset, for daemon.json syntax errors. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      column = 1;
    } else column++;
  }
  return `${line}:${column}`;
}

/** Strict JSON parse of a daemon.json; the error names file:line:column. */
export function parseDaemonJson(file: FileEvidence): Sourced<Record<string, Json>> {
  const text = file.content ?? '';
  if (file.truncated) return { ok: false, reason: `${file.path}: too large to read completely` };
  // dockerd accepts an empty file as "no settings".
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    const parsed: Json = JSON.parse(text);
    const object = record(parsed);
    if (!object) return { ok: false, reason: `${file.path}:1:1: daemon.json must hold a JSON object` };
    return { ok: true, value: object };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? lineColumn(text, Number(position[1])) : '1:1';
    return { ok: false, reason: `${file.path}:${where}: invalid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})` };
  }
}

function infoBool(view: DaemonView, field: string): { value: Json; evidence: string } | undefined {
  const value = view.info?.[field];
  return typeof value === 'boolean' ? { value, evidence: `/engine/info#${field}` } : undefined;
}

function defaultHosts(view: DaemonView): string[] {
  if (view.mode.rootless) {
    const runtimeDir = view.dockerd.ok ? view.dockerd.value.environ?.['XDG_RUNTIME_DIR'] : undefined;
    return runtimeDir ? [`unix://${runtimeDir}/docker.sock`] : [];
  }
  return ['unix:///var/run/docker.sock'];
}

function certDefault(view: DaemonView, name: string): string {
  const env = view.dockerd.ok ? view.dockerd.value.environ : undefined;
  const dir = env?.['DOCKER_CERT_PATH'] || `${env?.['HOME'] ?? '/root'}/.docker`;
  return `${dir}/${name}`;
}

/** Keys of §0.6 (and a few more the checks use). */
export const KEYS: Readonly<Record<string, KeySpec>> = {
  hosts: { kind: 'list', flag: 'host', json: 'hosts', fallback: defaultHosts },
  tls: { kind: 'bool', flag: 'tls', json: 'tls', fallback: () => false },
  tlsverify: { kind: 'bool', flag: 'tlsverify', json: 'tlsverify' },
  tlscacert: { kind: 'string', flag: 'tlscacert', json: 'tlscacert', fallback: (v) => certDefault(v, 'ca.pem') },
  tlscert: { kind: 'string', flag: 'tlscert', json: 'tlscert', fallback: (v) => certDefault(v, 'cert.pem') },
  tlskey: { kind: 'string', flag: 'tlskey', json: 'tlskey', fallback: (v) => certDefault(v, 'key.pem') },
  icc: {
    kind: 'bool', flag: 'icc', json: 'icc', fallback: () => true,
    api: (v) => {
      const bridge = defaultBridgeNetwork(v.snapshot);
      const option = record(bridge?.['Options'])?.['com.docker.network.bridge.enable_icc'];
      const value = typeof option === 'string' ? parseGoBool(option) : undefined;
      return value === undefined ? undefined : { value, evidence: `/engine/networks/${String(bridge?.['Name'])}#Options.com.docker.network.bridge.enable_icc` };
    },
  },
  ip: { kind: 'string', flag: 'ip', json: 'ip', fallback: () => '0.0.0.0' },
  bridge: { kind: 'string', flag: 'bridge', json: 'bridge', fallback: () => 'docker0' },
  'log-level': { kind: 'string', flag: 'log-level', json: 'log-level', fallback: () => 'info' },
  debug: { kind: 'bool', flag: 'debug', json: 'debug', fallback: () => false, api: (v) => infoBool(v, 'Debug') },
  iptables: { kind: 'bool', flag: 'iptables', json: 'iptables', fallback: () => true },
  'insecure-registries': { kind: 'list', flag: 'insecure-registry', json: 'insecure-registries', fallback: () => [] },
  'storage-driver': {
    kind: 'string', flag: 'storage-driver', json: 'storage-driver',
    api: (v) => (typeof v.info?.['Driver'] === 'string' ? { value: v.info['Driver'], evidence: '/engine/info#Driver' } : undefined),
  },
  'storage-opts': { kind: 'list', flag: 'storage-opt', json: 'storage-opts', fallback: () => [] },
  'default-ulimits': { kind: 'object', flag: 'default-ulimit', json: 'default-ulimits', fallback: () => ({}) },
  'userns-remap': { kind: 'string', flag: 'userns-remap', json: 'userns-remap', fallback: () => '' },
  'cgroup-parent': { kind: 'string', flag: 'cgroup-parent', json: 'cgroup-parent', fallback: () => '' },
  'authorization-plugins': {
    kind: 'list', flag: 'authorization-plugin', json: 'authorization-plugins', fallback: () => [],
    api: (v) => {
      const plugins = record(v.info?.['Plugins']);
      if (!plugins || !('Authorization' in plugins)) return undefined;
      const list = Array.isArray(plugins['Authorization']) ? plugins['Authorization'].filter((p): p is string => typeof p === 'string') : [];
      return { value: list, evidence: '/engine/info#Plugins.Authorization' };
    },
  },
  'log-driver': {
    kind: 'string', flag: 'log-driver', json: 'log-driver', fallback: () => 'json-file',
    api: (v) => (typeof v.info?.['LoggingDriver'] === 'string' && v.info['LoggingDriver'] !== '' && !v.mode.podman
      ? { value: v.info['LoggingDriver'], evidence: '/engine/info#LoggingDriver' } : undefined),
  },
  'log-opts': { kind: 'object', flag: 'log-opt', json: 'log-opts', fallback: () => ({}) },
  'no-new-privileges': { kind: 'bool', flag: 'no-new-privileges', json: 'no-new-privileges', fallback: () => false },
  'live-restore': {
    kind: 'bool', flag: 'live-restore', json: 'live-restore', fallback: () => false,
    api: (v) => (v.mode.podman ? undefined : infoBool(v, 'LiveRestoreEnabled')),
  },
  'userland-proxy': { kind: 'bool', flag: 'userland-proxy', json: 'userland-proxy', fallback: () => true },
  'seccomp-profile': { kind: 'string', flag: 'seccomp-profile', json: 'seccomp-profile', fallback: () => 'builtin' },
  experimental: { kind: 'bool', flag: 'experimental', json: 'experimental', fallback: () => false },
  'selinux-enabled': { kind: 'bool', flag: 'selinux-enabled', json: 'selinux-enabled', fallback: () => false },
  group: { kind: 'string', flag: 'group', json: 'group', fallback: () => 'docker' },
  'data-root': {
    kind: 'string', flag: 'data-root', json: 'data-root',
    fallback: (v) => {
      if (!v.mode.rootless) return '/var/lib/docker';
      const env = v.dockerd.ok ? v.dockerd.value.environ : undefined;
      return env?.['XDG_DATA_HOME'] ? `${env['XDG_DATA_HOME']}/docker` : env?.['HOME'] ? `${env['HOME']}/.local/share/docker` : undefined;
    },
    api: (v) => (typeof v.info?.['DockerRootDir'] === 'string' && v.info['DockerRootDir'] !== ''
      ? { value: v.info['DockerRootDir'], evidence: '/engine/info#DockerRootDir' } : undefined),
  },
  containerd: {
    kind: 'string', flag: 'containerd', json: 'containerd',
    api: (v) => {
      const address = record(v.info?.['Containerd'])?.['Address'];
      return typeof address === 'string' && address !== '' ? { value: address, evidence: '/engine/info#Containerd.Address' } : undefined;
    },
  },
  'config-file': { kind: 'string', flag: 'config-file', json: '' },
  pidfile: { kind: 'string', flag: 'pidfile', json: 'pidfile', fallback: () => '/var/run/docker.pid' },
  'metrics-addr': { kind: 'string', flag: 'metrics-addr', json: 'metrics-addr', fallback: () => '' },
};

/** dockerd `--default-ulimit nofile=1024:2048` and `--log-opt k=v` flags fold into objects keyed by name. */
function foldPairs(values: string[], key: 'ulimit' | 'opt'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const eq = value.indexOf('=');
    if (eq > 0) out[value.slice(0, eq)] = key === 'ulimit' ? value : value.slice(eq + 1);
  }
  return out;
}

/** Normalise a daemon.json value to the key's kind; undefined when of the wrong type. */
function fromFile(kind: KeyKind, value: Json): Json | undefined {
  switch (kind) {
    case 'bool':
      return typeof value === 'boolean' ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'list':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
    case 'object':
      return record(value) ?? undefined;
  }
}

function fromArgv(spec: KeySpec, values: string[]): Json | undefined {
  switch (spec.kind) {
    case 'bool': {
      // A repeated scalar: the last one wins (pflag).
      const parsed = parseGoBool(values[values.length - 1]!);
      return parsed;
    }
    case 'string':
      return values[values.length - 1];
    case 'list':
      return [...values];
    case 'object':
      return foldPairs(values, spec.flag === 'default-ulimit' ? 'ulimit' : 'opt');
  }
}

function argvEvidence(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  argv.forEach((word, i) => {
    if (i === 0) return;
    if (word === `--${flag}` || word.startsWith(`--${flag}=`)) out.push(`argv[${i}] ${word}`);
    else if (/^-[A-Za-z]/.test(word) && !word.startsWith('--')) {
      const short = Object.entries({ D: 'debug', H: 'host', l: 'log-level', G: 'group', p: 'pidfile', b: 'bridge', s: 'storage-driver' })
        .find(([, long]) => long === flag)?.[0];
      if (short && word[1] === short) out.push(`argv[${i}] ${word}`);
    }
  });
  return out;
}

/** Detect the target mode (§0.3). */
function detectMode(snapshot: Snapshot, info: Record<string, Json> | undefined, version: Record<string, Json> | undefined,
  securityOptions: string[] | undefined): TargetMode {
  const evidence: string[] = [];
  const components = Array.isArray(version?.['Components']) ? (version['Components'] as Json[]) : [];
  const podman = components.some((c) => record(c)?.['Name'] === 'Podman Engine');
  if (podman) evidence.push('/engine/version#Components[].Name == "Podman Engine"');
  const desktop = typeof info?.['OperatingSystem'] === 'string' && info['OperatingSystem'].includes('Docker Desktop');
  const remote = snapshot.engine.locality === 'remote' || desktop;
  if (snapshot.engine.locality === 'remote') evidence.push(`endpoint ${snapshot.engine.endpoint} is remote`);
  if (desktop) evidence.push('/engine/info#OperatingSystem is Docker Desktop (daemon in a VM)');
  const host = snapshot.host.ok ? snapshot.host.value : undefined;
  const environ = host?.dockerd.ok ? host.dockerd.value.environ : undefined;
  const rootless = securityOption(securityOptions, 'rootless') !== undefined || environ?.['ROOTLESSKIT_STATE_DIR'] !== undefined;
  if (rootless) evidence.push(securityOption(securityOptions, 'rootless') ? '/engine/info#SecurityOptions name=rootless' : 'dockerd environ ROOTLESSKIT_STATE_DIR');
  const containerised = host?.root === '/proc/1/root';
  if (containerised) evidence.push('host read through /proc/1/root');
  const unidentified = host !== undefined && !host.dockerd.ok;
  const kind: TargetModeKind = podman ? 'podman' : remote ? 'remote' : rootless ? 'rootless' : containerised ? 'containerised'
    : unidentified ? 'local-unidentified' : 'local';
  return { kind, podman, remote, rootless, containerised, evidence };
}

/** Build the daemon view of a snapshot (once per evaluation). */
export function buildDaemonView(snapshot: Snapshot): DaemonView {
  const info = snapshot.engine.info.ok ? record(snapshot.engine.info.value) : undefined;
  const version = snapshot.engine.version.ok ? record(snapshot.engine.version.value) : undefined;
  const securityOptions = Array.isArray(info?.['SecurityOptions'])
    ? (info['SecurityOptions'] as Json[]).filter((s): s is string => typeof s === 'string') : undefined;
  const versionText = typeof version?.['Version'] === 'string' ? version['Version'] : typeof info?.['ServerVersion'] === 'string' ? info['ServerVersion'] : undefined;
  const release = versionText ? /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(versionText) : null;
  const engineVersion = release ? [Number(release[1]), Number(release[2] ?? 0), Number(release[3] ?? 0)] : undefined;

  const mode = detectMode(snapshot, info, version, securityOptions);
  const hostReason = snapshot.host.ok ? '' : /^no host access/.test(snapshot.host.reason) ? snapshot.host.reason : `no host access: ${snapshot.host.reason}`;
  const host: Sourced<HostEvidence> = snapshot.host.ok ? snapshot.host : { ok: false, reason: hostReason };
  const dockerd: Sourced<ProcessEvidence> = snapshot.host.ok
    ? snapshot.host.value.dockerd.ok ? snapshot.host.value.dockerd : { ok: false, reason: `dockerd not identified: ${snapshot.host.value.dockerd.reason}` }
    : { ok: false, reason: hostReason };
  const argv: Sourced<ParsedDaemonArgs> = dockerd.ok ? { ok: true, value: parseDaemonArgv(dockerd.value.argv) } : { ok: false, reason: dockerd.reason };

  // daemon.json in use.
  let file: Sourced<Record<string, Json> | null>;
  let filePath: string | undefined;
  let fileEvidence: FileEvidence | undefined;
  if (!snapshot.host.ok) file = { ok: false, reason: hostReason };
  else {
    const h = snapshot.host.value;
    if (!h.daemonJson.ok) file = { ok: false, reason: `daemon.json unreadable: ${h.daemonJson.reason}` };
    else {
      fileEvidence = h.daemonJson.value;
      filePath = fileEvidence.path;
      if (fileEvidence.error) file = { ok: false, reason: `${fileEvidence.path}: ${fileEvidence.error}` };
      else if (!fileEvidence.exists) {
        file = h.daemonJsonSource === 'argv'
          ? { ok: false, reason: `config file named on argv is gone: ${fileEvidence.path}` }
          : { ok: true, value: null };
      } else if (fileEvidence.content === undefined) file = { ok: false, reason: `${fileEvidence.path}: content not collected` };
      else file = parseDaemonJson(fileEvidence);
    }
  }
  const changedAfterStart = fileEvidence?.mtimeMs !== undefined && dockerd.ok && dockerd.value.startTimeMs !== undefined
    && fileEvidence.mtimeMs > dockerd.value.startTimeMs;

  const drift: string[] = [];
  if (argv.ok && file.ok && file.value) {
    for (const [name, spec] of Object.entries(KEYS)) {
      if (spec.json && spec.json in file.value && argv.value.flags.has(spec.flag)) drift.push(name);
    }
  }

  const cache = new Map<string, ConfigValue>();
  const view: DaemonView = {
    snapshot,
    mode,
    host,
    dockerd,
    argv,
    file,
    drift,
    get(key: string): ConfigValue {
      const cached = cache.get(key);
      if (cached) return cached;
      const spec = KEYS[key];
      if (!spec) throw new Error(`unknown daemon configuration key "${key}"`);
      const resolved = resolve(view, key, spec);
      cache.set(key, resolved);
      return resolved;
    },
    bool(key) {
      const v = view.get(key).value;
      return typeof v === 'boolean' ? v : undefined;
    },
    string(key) {
      const v = view.get(key).value;
      return typeof v === 'string' ? v : undefined;
    },
    list(key) {
      const got = view.get(key);
      if (got.unknown !== undefined) return undefined;
      return Array.isArray(got.value) ? (got.value as string[]) : [];
    },
  };
  if (info) view.info = info;
  if (version) view.version = version;
  if (securityOptions) view.securityOptions = securityOptions;
  if (engineVersion) view.engineVersion = engineVersion;
  if (filePath !== undefined) view.filePath = filePath;

  function resolve(v: DaemonView, key: string, spec: KeySpec): ConfigValue {
    const api = spec.api?.(v);
    if (api) return { value: api.value, source: 'api', evidence: [api.evidence] };
    const flagValues = argv.ok ? allFlags(argv.value, spec.flag) : [];
    const fileValue = file.ok && file.value && spec.json ? file.value[spec.json] : undefined;
    const inFile = file.ok && file.value !== null && spec.json !== '' && spec.json in (file.value ?? {});
    const fileRef = `file:${filePath ?? 'daemon.json'}#/${spec.json}`;
    const driftNote = flagValues.length > 0 && inFile ? `${key} is set both on the dockerd command line and in ${filePath}: one of them changed after the daemon started` : undefined;
    if (flagValues.length > 0 && dockerd.ok) {
      const value = fromArgv(spec, flagValues);
      const evidence = argvEvidence(dockerd.value.argv, spec.flag);
      if (value === undefined) return { source: 'argv', evidence, unknown: `--${spec.flag} has an unparsable value "${flagValues[flagValues.length - 1]}"` };
      // A list flag also given in the file: dockerd would refuse, but report the union as declared.
      const out: ConfigValue = { value, source: 'argv', evidence };
      if (driftNote) {
        out.drift = driftNote;
        out.evidence.push(fileRef);
      }
      return out;
    }
    if (inFile) {
      const value = fromFile(spec.kind, fileValue);
      if (value === undefined) return { source: 'daemon.json', evidence: [fileRef], unknown: `${filePath}: "${spec.json}" has the wrong type (${JSON.stringify(fileValue)})` };
      const out: ConfigValue = { value, source: 'daemon.json', evidence: [fileRef] };
      if (changedAfterStart) out.declared = `${filePath} changed after the daemon started: declared, not necessarily in effect`;
      return out;
    }
    // Not on argv (as far as we know) and not in the file: the default applies only if both were read.
    if (!argv.ok) return { source: 'default', evidence: [], unknown: `dockerd command line unavailable (${argv.reason})` };
    if (!file.ok && spec.json !== '') return { source: 'default', evidence: [], unknown: file.reason };
    const fallback = spec.fallback?.(v);
    const evidence = [`dockerd argv has no --${spec.flag}`];
    if (spec.json) evidence.push(file.ok && file.value === null ? `no daemon.json (${filePath ?? 'default path'})` : `${fileRef} absent`);
    return fallback === undefined ? { source: 'default', evidence } : { value: fallback, source: 'default', evidence };
  }
  return view;
}

/** TLS state of §0.6: on if `tls` or `tlsverify` set; verify = `tlsverify` if set, else `tls`. */
export function tlsState(view: DaemonView): { enabled?: boolean; verify?: boolean; evidence: string[]; unknown?: string } {
  const tls = view.get('tls');
  const verify = view.get('tlsverify');
  const evidence = [...tls.evidence, ...verify.evidence];
  if (tls.unknown !== undefined) return { evidence, unknown: tls.unknown };
  if (verify.unknown !== undefined) return { evidence, unknown: verify.unknown };
  const tlsOn = tls.value === true;
  const verifySet = verify.value !== undefined;
  return { enabled: tlsOn || verifySet, verify: verifySet ? verify.value === true : tlsOn, evidence };
}

/** Re-exported for checks that need raw flags (e.g. `-H` listing). */
export { lastFlag, allFlags };
