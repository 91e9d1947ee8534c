/**
 * The container-runtime view of a snapshot, built once per evaluation and shared by every section 5 check:
 * normalised containers (after explicit include/exclude filters) and the daemon-wide facts their rules
 * need. Pure: reads only the snapshot.
 */
import type { ContainerProcess, Snapshot, Sourced } from './snapshot.js';
import { fromInspect, volumesByName } from '../runtime/from-inspect.js';
import type { ContainerRuntime } from '../runtime/model.js';
import { ALL_CAPS as ALL_CAP_NAMES, DOCKER_DEFAULT_CAPS, PODMAN_DEFAULT_CAPS, resolvedBindings, type ResolvedBinding } from '../runtime/effective.js';

/** Raw Engine JSON. */
type Json = unknown;

function record(value: Json): Record<string, Json> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : undefined;
}

/** Daemon-wide facts section 5 needs; `undefined` = not known from the snapshot. */
export interface RuntimeDaemonFacts {
  /** `/info.SecurityOptions`, or undefined when `/info` was not read. */
  securityOptions?: string[];
  apparmor?: boolean;
  selinux?: boolean;
  rootless?: boolean;
  userns?: boolean;
  /** Daemon seccomp profile; null = no seccomp support. */
  seccompProfile?: string | null;
  /** Daemon-wide no-new-privileges. */
  noNewPrivileges?: boolean;
  noNewPrivilegesEvidence?: string;
  memoryLimit?: boolean;
  podman: boolean;
  /** Engine major version (`20`, `28`). */
  engineMajor?: number;
  /** `/info.Swarm.LocalNodeState`. */
  swarmState?: string;
  /** Base capability set: Docker's 14 or Podman's 11. */
  defaultCaps: readonly string[];
  /** API socket paths of the audited daemon (for 5.32). */
  apiSockets: string[];
}

export interface DefaultBridge {
  id: string;
  name: string;
}

export interface RuntimeView {
  /** The audited containers (explicit exclusions removed), or why they could not be listed. */
  containers: Sourced<ContainerRuntime[]>;
  /** Every container (for resolving `container:<ref>` namespaces even to excluded ones). */
  all: ContainerRuntime[];
  /** Names of containers removed by --include-containers/--exclude-containers or the snapshot's own list. */
  excluded: string[];
  daemon: RuntimeDaemonFacts;
  /** The default bridge network; null when none exists; undefined when networks were not read. */
  defaultBridge?: DefaultBridge | null;
  /** Network name/id → its `host_binding_ipv4` option. */
  networkBindingIp: Map<string, string>;
  /** Swarm services by id, or why not available. */
  services: Sourced<Map<string, Json>>;
  /** Published ports with empty host addresses resolved through the container's network (§0.7 bindings). */
  bindingsOf(c: ContainerRuntime): ResolvedBinding[];
  /** Processes of a running container, from the host's /proc. */
  processesOf(c: ContainerRuntime): Sourced<ContainerProcess[]>;
  /**
   * The container's init process (State.Pid) as seen in host /proc, for corroborating configuration with
   * the kernel's view (status, LSM label, namespaces); undefined when not running or not collected.
   */
  initProcess(c: ContainerRuntime): ContainerProcess | undefined;
  /** `/proc/1/ns/*` of the host, when read. */
  hostNamespaces?: Record<string, string>;
  /** Find a container by full id, unique id prefix, or name. */
  lookup(ref: string): ContainerRuntime | undefined;
}

export interface RuntimeViewOptions {
  includeContainers?: RegExp;
  excludeContainers?: RegExp;
}

function securityOptionValue(options: readonly string[], name: string, key: string): string | undefined {
  for (const opt of options) {
    const fields = new Map(opt.split(',').map((kv) => [kv.split('=')[0] ?? '', kv.slice(kv.indexOf('=') + 1)] as const));
    if (fields.get('name') === name) return fields.get(key);
  }
  return undefined;
}

function hasSecurityOption(options: readonly string[], name: string): boolean {
  return options.some((opt) => opt.split(',').some((kv) => kv === `name=${name}`)) || options.includes(name);
}

/** Daemon-wide no-new-privileges from the API (engine ≥ 24), else dockerd argv plus daemon.json. */
function daemonNoNewPrivileges(snapshot: Snapshot, securityOptions: string[] | undefined, engineMajor: number | undefined):
  { value?: boolean; evidence?: string } {
  if (securityOptions && hasSecurityOption(securityOptions, 'no-new-privileges'))
    return { value: true, evidence: '/engine/info#SecurityOptions name=no-new-privileges' };
  if (securityOptions && engineMajor !== undefined && engineMajor >= 24)
    return { value: false, evidence: '/engine/info#SecurityOptions (no name=no-new-privileges)' };
  if (!snapshot.host.ok) return {};
  const host = snapshot.host.value;
  let fromArgv: boolean | undefined;
  if (host.dockerd.ok) {
    for (const arg of host.dockerd.value.argv) {
      if (arg === '--no-new-privileges' || arg === '--no-new-privileges=true') fromArgv = true;
      else if (arg === '--no-new-privileges=false') fromArgv = false;
    }
  }
  if (fromArgv !== undefined) return { value: fromArgv, evidence: '/host/dockerd#argv --no-new-privileges' };
  if (!host.dockerd.ok || !host.daemonJson.ok) return {};
  const file = host.daemonJson.value;
  if (!file.exists) return { value: false, evidence: `file:${file.path} (absent); dockerd argv` };
  if (file.error || file.content === undefined) return {};
  try {
    const parsed = record(JSON.parse(file.content));
    return { value: parsed?.['no-new-privileges'] === true, evidence: `file:${file.path}#/no-new-privileges` };
  } catch {
    return {};
  }
}

export function buildRuntimeView(snapshot: Snapshot, options: RuntimeViewOptions = {}): RuntimeView {
  const engine = snapshot.engine;
  const info = engine.info.ok ? record(engine.info.value) : undefined;
  const version = engine.version.ok ? record(engine.version.value) : undefined;
  const securityOptions = info && Array.isArray(info['SecurityOptions'])
    ? (info['SecurityOptions'] as Json[]).filter((s): s is string => typeof s === 'string')
    : undefined;
  const podman = Array.isArray(version?.['Components'])
    && (version['Components'] as Json[]).some((comp) => record(comp)?.['Name'] === 'Podman Engine');
  const versionText = typeof version?.['Version'] === 'string' ? version['Version'] : undefined;
  const engineMajor = versionText && /^\d+/.test(versionText) ? Number(/^\d+/.exec(versionText)![0]) : undefined;
  const nnp = daemonNoNewPrivileges(snapshot, securityOptions, engineMajor);
  const swarm = record(info?.['Swarm']);

  const apiSockets = new Set<string>(['/run/docker.sock', '/var/run/docker.sock']);
  const endpoint = /^unix:\/\/(.+)$/.exec(engine.endpoint);
  if (endpoint?.[1]) apiSockets.add(endpoint[1]);
  if (snapshot.host.ok) for (const socket of snapshot.host.value.apiSockets ?? []) apiSockets.add(socket);
  if (snapshot.host.ok && snapshot.host.value.dockerd.ok) {
    const argv = snapshot.host.value.dockerd.value.argv;
    argv.forEach((arg, i) => {
      const value = /^(?:-H|--host)=?(.*)$/.exec(arg)?.[1] || ((arg === '-H' || arg === '--host') ? argv[i + 1] : undefined);
      const path = value ? /^unix:\/\/(.+)$/.exec(value)?.[1] : undefined;
      if (path) apiSockets.add(path);
    });
  }

  const daemon: RuntimeDaemonFacts = {
    podman,
    defaultCaps: podman ? PODMAN_DEFAULT_CAPS : DOCKER_DEFAULT_CAPS,
    apiSockets: [...apiSockets],
  };
  if (securityOptions) {
    daemon.securityOptions = securityOptions;
    daemon.apparmor = hasSecurityOption(securityOptions, 'apparmor');
    daemon.selinux = hasSecurityOption(securityOptions, 'selinux');
    daemon.rootless = hasSecurityOption(securityOptions, 'rootless');
    daemon.userns = hasSecurityOption(securityOptions, 'userns');
    daemon.seccompProfile = hasSecurityOption(securityOptions, 'seccomp')
      ? securityOptionValue(securityOptions, 'seccomp', 'profile') ?? 'default'
      : null;
  }
  if (nnp.value !== undefined) daemon.noNewPrivileges = nnp.value;
  if (nnp.evidence) daemon.noNewPrivilegesEvidence = nnp.evidence;
  if (typeof info?.['MemoryLimit'] === 'boolean') daemon.memoryLimit = info['MemoryLimit'];
  if (engineMajor !== undefined) daemon.engineMajor = engineMajor;
  if (typeof swarm?.['LocalNodeState'] === 'string') daemon.swarmState = swarm['LocalNodeState'];

  const volumes = engine.volumes.ok ? volumesByName(engine.volumes.value) : undefined;
  const all: ContainerRuntime[] = engine.containers.ok
    ? engine.containers.value.map((doc: Json) => {
      const id = record(doc)?.['Id'];
      return fromInspect(doc, {
        document: `/engine/containers/${typeof id === 'string' ? id.slice(0, 12) : '?'}`,
        ...(volumes ? { volumes } : {}),
      });
    })
    : [];
  const excluded: string[] = [];
  const snapshotExcluded = new Set(snapshot.excludedContainers ?? []);
  const kept = all.filter((c) => {
    const drop = snapshotExcluded.has(c.name) || (c.id !== undefined && snapshotExcluded.has(c.id))
      || (options.includeContainers !== undefined && !options.includeContainers.test(c.name))
      || (options.excludeContainers !== undefined && options.excludeContainers.test(c.name));
    if (drop) excluded.push(c.name);
    return !drop;
  });
  for (const name of snapshotExcluded) if (!all.some((c) => c.name === name || c.id === name)) excluded.push(name);

  let defaultBridge: DefaultBridge | null | undefined;
  const networkBindingIp = new Map<string, string>();
  if (engine.networks.ok) {
    defaultBridge = null;
    for (const raw of engine.networks.value) {
      const network = record(raw);
      const opts = record(network?.['Options']) ?? {};
      const id = typeof network?.['Id'] === 'string' ? network['Id'] : '';
      const name = typeof network?.['Name'] === 'string' ? network['Name'] : '';
      if (opts['com.docker.network.bridge.default_bridge'] === 'true') defaultBridge = { id, name };
      const bindIp = opts['com.docker.network.bridge.host_binding_ipv4'];
      if (typeof bindIp === 'string' && bindIp) {
        if (id) networkBindingIp.set(id, bindIp);
        if (name) networkBindingIp.set(name, bindIp);
      }
    }
  }

  const services: Sourced<Map<string, Json>> = engine.services.ok
    ? {
      ok: true,
      value: new Map(engine.services.value.map((s: Json) => [String(record(s)?.['ID'] ?? ''), s] as [string, Json])),
    }
    : { ok: false, reason: engine.services.reason };

  const lookup = (ref: string): ContainerRuntime | undefined => {
    const name = ref.replace(/^\//, '');
    const exact = all.find((c) => c.id === ref || c.name === name);
    if (exact) return exact;
    const byPrefix = all.filter((c) => c.id?.startsWith(ref));
    return byPrefix.length === 1 ? byPrefix[0] : undefined;
  };

  const processesOf = (c: ContainerRuntime): Sourced<ContainerProcess[]> => {
    if (!snapshot.host.ok) return { ok: false, reason: `no host access: ${snapshot.host.reason}` };
    const entry = c.id ? snapshot.host.value.containerProcesses[c.id] : undefined;
    return entry ?? { ok: false, reason: 'processes of this container were not collected' };
  };

  const networkIpOf = (c: ContainerRuntime): string | undefined => {
    const mode = c.networkMode === 'default' ? defaultBridge?.name ?? 'bridge' : c.networkMode;
    return networkBindingIp.get(mode) ?? c.networks.map((n) => networkBindingIp.get(n.id ?? n.name) ?? networkBindingIp.get(n.name)).find(Boolean);
  };

  const initProcess = (c: ContainerRuntime): ContainerProcess | undefined => {
    if (c.pid === undefined) return undefined;
    const processes = processesOf(c);
    return processes.ok ? processes.value.find((p) => p.pid === c.pid) : undefined;
  };

  const view: RuntimeView = {
    containers: engine.containers.ok ? { ok: true, value: kept } : { ok: false, reason: engine.containers.reason },
    all,
    excluded,
    daemon,
    networkBindingIp,
    services,
    bindingsOf: (c) => resolvedBindings(c, networkIpOf),
    processesOf,
    initProcess,
    lookup,
  };
  if (snapshot.host.ok && snapshot.host.value.hostNamespaces?.ok) view.hostNamespaces = snapshot.host.value.hostNamespaces.value;
  if (defaultBridge !== undefined) view.defaultBridge = defaultBridge;
  return view;
}

export type NamespaceKind = 'network' | 'pid' | 'ipc';

/**
 * Running corroboration (§0.7 nsMode): true when the container's init process is in the same `ns`
 * namespace (`net`, `pid`, `ipc`, `uts`) as host PID 1; undefined when either side was not read.
 */
export function sharesHostNamespace(view: RuntimeView, c: ContainerRuntime, ns: 'net' | 'pid' | 'ipc' | 'uts'): boolean | undefined {
  const mine = view.initProcess(c)?.namespaces?.[ns];
  const host = view.hostNamespaces?.[ns];
  if (!mine || !host) return undefined;
  return mine === host;
}

/** Capability names in a `/proc/PID/status` hex mask (`CapBnd`). */
export function capabilitiesFromMask(hex: string): string[] | undefined {
  if (!/^[0-9a-fA-F]+$/.test(hex.trim())) return undefined;
  const mask = BigInt(`0x${hex.trim()}`);
  return ALL_CAP_NAMES.filter((_, bit) => (mask >> BigInt(bit)) & 1n);
}

/**
 * Follow `container:<ref>` namespace sharing to the mode that finally applies (§0.7 nsMode).
 * Returns the mode and the chain of containers followed, or an unknown reason (cycle, missing target).
 */
export function resolveNamespaceMode(view: RuntimeView, c: ContainerRuntime, kind: NamespaceKind):
  { mode: string; via: string[] } | { mode: undefined; reason: string } {
  const field = kind === 'network' ? 'networkMode' : kind === 'pid' ? 'pidMode' : 'ipcMode';
  const via: string[] = [];
  const seen = new Set<ContainerRuntime>();
  let current = c;
  for (;;) {
    const mode = current[field];
    const shared = /^container:(.+)$/.exec(mode);
    if (!shared) return { mode, via };
    seen.add(current);
    const target = view.lookup(shared[1]!);
    if (!target) return { mode: undefined, reason: `${kind} namespace shared with missing container ${shared[1]}` };
    if (seen.has(target)) return { mode: undefined, reason: `cycle in ${kind} namespace sharing` };
    via.push(target.name);
    current = target;
  }
}
