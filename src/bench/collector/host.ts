/**
 * The host half of the snapshot (audit spec §0.3–§0.7): the dockerd and containerd processes found by
 * socket ownership (never by name matching), the daemon.json in use, systemd units, the stat of every
 * file CIS names, audit rules, the docker group, container processes from host /proc, listening TCP
 * sockets and LSM state. Read-only: files are read and stat-ed, `auditctl -l` is the only command run.
 * Every missing source is recorded with its reason; nothing is guessed.
 */
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { AuditRule, ContainerProcess, FileEvidence, HostEvidence, ProcessEvidence, Sourced } from '../snapshot.js';
import { naturalCompare, parseAuditRules } from './audit-rules.js';
import { allFlags, lastFlag, parseDaemonArgv, parseGoBool, type ParsedDaemonArgs } from './daemon-args.js';
import { HostFs, describeFsError } from './host-fs.js';
import { ProcFs, parseListeningTcp } from './proc.js';

/** Raw Engine API JSON. */
type Json = any;

export interface HostCollectOptions {
  /** Read every host file under this directory (and /proc under DIR/proc when present). */
  hostRoot?: string;
  /** Unix socket path of the API endpoint, when the endpoint is a unix socket. */
  apiSocket?: string;
  /** `/info` and container inspect documents from the API half (paths and running containers come from them). */
  info?: Json;
  containers?: Json[];
  /** Run `auditctl -l` when present (default: only on a live host, i.e. without --host-root). */
  runAuditctl?: boolean;
}

const UNIT_DIRS = [
  '/etc/systemd/system.control',
  '/run/systemd/system.control',
  '/run/systemd/transient',
  '/etc/systemd/system',
  '/run/systemd/system',
  '/usr/local/lib/systemd/system',
  '/usr/lib/systemd/system',
  '/lib/systemd/system',
];
const UNITS = ['docker.service', 'docker.socket', 'containerd.service'];
const DEFAULT_DAEMON_JSON = '/etc/docker/daemon.json';
const DEFAULT_PIDFILE = '/var/run/docker.pid';
const DEFAULT_CONTAINERD_SOCKET = '/run/containerd/containerd.sock';
const MANAGED_CONTAINERD_SOCKET = '/var/run/docker/containerd/containerd.sock';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const MAX_CERT_ENTRIES = 2000;
const AUDITCTL_TIMEOUT_MS = 5000;

function fail<T>(reason: string): Sourced<T> {
  return { ok: false, reason };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Decides the host root: `/`, or `/proc/1/root` when we run in a container that sees the host PID 1. */
async function liveRoot(proc: ProcFs): Promise<string> {
  const [self, init] = await Promise.all([proc.link('self', 'ns/mnt'), proc.link(1, 'ns/mnt')]);
  if (self !== undefined && init !== undefined && self !== init) {
    try {
      await readdir('/proc/1/root');
      return '/proc/1/root';
    } catch {
      // Not allowed to look through PID 1's root: stay on our own view.
    }
  }
  return '/';
}

export async function collectHostEvidence(options: HostCollectOptions = {}): Promise<Sourced<HostEvidence>> {
  const live = options.hostRoot === undefined;
  let root: string;
  let proc: ProcFs | undefined;
  if (live) {
    proc = new ProcFs('/proc');
    root = await liveRoot(proc);
  } else {
    root = posix.resolve(options.hostRoot!);
    if (!(await isDirectory(root))) return fail(`--host-root ${options.hostRoot}: not a directory`);
    const procDir = posix.join(root, 'proc');
    proc = (await isDirectory(procDir)) && (await readdir(procDir).catch(() => [])).some((name) => /^\d+$/.test(name)) ? new ProcFs(procDir) : undefined;
  }
  const hostFs = new HostFs(root);
  const noProc = `no process information: ${root === '/' ? '/proc' : posix.join(root, 'proc')} is absent or empty`;
  const info = options.info ?? {};

  // One pass over /proc: executable of every process (candidates are chosen by exe, never by comm).
  const exes = new Map<number, string>();
  const comms = new Map<number, string>();
  let procPids: number[] = [];
  if (proc) {
    procPids = await proc.pids().catch(() => []);
    await Promise.all(
      procPids.map(async (pid) => {
        const exe = await proc!.exe(pid);
        if (exe !== undefined) exes.set(pid, exe);
        const stats = await proc!.stat(pid);
        if (stats) comms.set(pid, stats.comm);
      }),
    );
  }

  // --- dockerd (§0.5) ---
  const endpointSocket = options.apiSocket ?? '/var/run/docker.sock';
  const candidatePidfiles = new Set<string>([DEFAULT_PIDFILE]);
  for (const [pid, exe] of exes) {
    if (posix.basename(exe) !== 'dockerd') continue;
    const argv = await proc!.argv(pid);
    const pidfile = argv ? lastFlag(parseDaemonArgv(argv), 'pidfile') : undefined;
    if (pidfile) candidatePidfiles.add(pidfile);
  }
  const dockerd: Sourced<ProcessEvidence> = proc
    ? await identifyDaemon(proc, hostFs, exes, procPids.length, 'dockerd', [endpointSocket], [...candidatePidfiles])
    : fail(noProc);
  const daemonArgs: ParsedDaemonArgs = dockerd.ok ? parseDaemonArgv(dockerd.value.argv) : { flags: new Map(), positional: [] };

  // Files the daemon opens are read through its root (its mount namespace) when we can.
  let daemonFs = hostFs;
  if (live && dockerd.ok && proc) {
    const daemonRoot = proc.path(dockerd.value.pid, 'root');
    if ((await readdir(daemonRoot).then(() => true).catch(() => false)) && daemonRoot !== '/proc/1/root') daemonFs = new HostFs(daemonRoot);
  }

  // --- daemon.json in use (§0.6) ---
  let daemonJsonSource: HostEvidence['daemonJsonSource'];
  let daemonJsonPath: string | undefined;
  let daemonJsonReason: string | undefined;
  const explicitConfig = lastFlag(daemonArgs, 'config-file');
  const environ = dockerd.ok ? dockerd.value.environ : undefined;
  const rootlessByInfo = Array.isArray(info.SecurityOptions) && info.SecurityOptions.some((o: unknown) => typeof o === 'string' && o.includes('name=rootless'));
  if (explicitConfig) {
    daemonJsonSource = 'argv';
    daemonJsonPath = explicitConfig;
  } else if (environ?.ROOTLESSKIT_STATE_DIR !== undefined) {
    daemonJsonSource = 'rootless';
    if (environ.XDG_CONFIG_HOME) daemonJsonPath = posix.join(environ.XDG_CONFIG_HOME, 'docker', 'daemon.json');
    else if (environ.HOME) daemonJsonPath = posix.join(environ.HOME, '.config', 'docker', 'daemon.json');
    else daemonJsonReason = 'rootless daemon without XDG_CONFIG_HOME or HOME in its environment';
  } else if (rootlessByInfo && environ === undefined) {
    daemonJsonSource = 'rootless';
    daemonJsonReason = 'rootless daemon whose environment is unreadable: config path unknown';
  } else if (dockerd.ok && dockerd.value.environ === undefined && dockerd.value.uid !== undefined && dockerd.value.uid !== 0) {
    daemonJsonSource = 'rootless';
    daemonJsonReason = `daemon runs as uid ${dockerd.value.uid} and its environment is unreadable: config path unknown`;
  } else {
    daemonJsonSource = 'default';
    daemonJsonPath = DEFAULT_DAEMON_JSON;
  }
  let daemonJson: Sourced<FileEvidence>;
  let daemonConfig: Record<string, Json> = {};
  if (daemonJsonPath !== undefined) {
    const evidence = await daemonFs.examine(daemonJsonPath, true);
    if (evidence.error !== undefined) {
      daemonJson = fail(`${daemonJsonPath}: ${evidence.error}`);
    } else {
      daemonJson = { ok: true, value: evidence };
      if (evidence.content !== undefined) {
        try {
          const parsed = JSON.parse(evidence.content);
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) daemonConfig = parsed;
        } catch {
          // Checks parse the content and report the syntax error; here it only feeds path discovery.
        }
      }
    }
  } else {
    daemonJson = fail(daemonJsonReason ?? 'daemon.json path unknown');
  }
  const setting = (flag: string, key: string): string | undefined => {
    const fromArgv = lastFlag(daemonArgs, flag);
    if (fromArgv !== undefined) return fromArgv;
    const value = daemonConfig[key];
    return typeof value === 'string' ? value : typeof value === 'boolean' ? String(value) : undefined;
  };

  // --- systemd units and drop-ins ---
  const files: Record<string, FileEvidence> = {};
  const addFile = async (fs: HostFs, path: string, withContent = false): Promise<FileEvidence> => {
    const existing = files[path];
    if (existing && (existing.content !== undefined || !withContent)) return existing;
    const evidence = await fs.examine(path, withContent);
    files[path] = evidence;
    if (evidence.realPath !== undefined && files[evidence.realPath] === undefined) {
      files[evidence.realPath] = await fs.examine(evidence.realPath, false);
    }
    return evidence;
  };
  const units: Record<string, Sourced<FileEvidence>> = {};
  const unitDropIns: Record<string, FileEvidence[]> = {};
  for (const unit of UNITS) {
    let found: FileEvidence | undefined;
    const errors: string[] = [];
    for (const dir of UNIT_DIRS) {
      const evidence = await hostFs.examine(posix.join(dir, unit), true);
      if (evidence.error !== undefined && !evidence.exists) errors.push(`${evidence.path}: ${evidence.error}`);
      if (evidence.exists) {
        found = evidence;
        break;
      }
    }
    if (found) {
      units[unit] = { ok: true, value: found };
      await addFile(hostFs, found.path, true);
    } else {
      units[unit] = fail(errors.length > 0 ? errors.join('; ') : `no ${unit} unit file in ${UNIT_DIRS.join(', ')}`);
    }
    const dropIns: FileEvidence[] = [];
    for (const dir of UNIT_DIRS) {
      const dropInDir = posix.join(dir, `${unit}.d`);
      const listed = await hostFs.list(dropInDir);
      if (!listed.ok) continue;
      for (const name of listed.value.filter((n) => n.endsWith('.conf'))) dropIns.push(await addFile(hostFs, posix.join(dropInDir, name), true));
    }
    if (dropIns.length > 0) unitDropIns[unit] = dropIns;
  }

  // --- API sockets in use: endpoint, -H unix://, daemon.json hosts, docker.socket ListenStream= (fd://) ---
  const hosts = [...allFlags(daemonArgs, 'host'), ...(Array.isArray(daemonConfig.hosts) ? daemonConfig.hosts.filter((h: unknown) => typeof h === 'string') : [])];
  const apiSockets = new Set<string>();
  if (options.apiSocket !== undefined) apiSockets.add(options.apiSocket);
  for (const host of hosts) {
    if (host.startsWith('unix://')) apiSockets.add(host.slice('unix://'.length) || '/var/run/docker.sock');
    if (host.startsWith('fd://')) {
      const socketUnit = [units['docker.socket'], ...(unitDropIns['docker.socket'] ?? []).map((f) => ({ ok: true as const, value: f }))];
      for (const source of socketUnit) {
        if (!source?.ok || source.value.content === undefined) continue;
        for (const match of source.value.content.matchAll(/^\s*ListenStream\s*=\s*(\/\S+)\s*$/gm)) apiSockets.add(match[1]!);
      }
    }
  }
  if (dockerd.ok && hosts.length === 0) apiSockets.add('/var/run/docker.sock');
  for (const socket of [...apiSockets, '/var/run/docker.sock']) await addFile(daemonFs, socket);

  // --- containerd (§0.5, §0.6) ---
  let containerdSocket: string | undefined =
    (typeof info.Containerd?.Address === 'string' && info.Containerd.Address !== '' ? info.Containerd.Address : undefined) ?? setting('containerd', 'containerd');
  if (containerdSocket === undefined) {
    if (await daemonFs.exists(DEFAULT_CONTAINERD_SOCKET)) containerdSocket = DEFAULT_CONTAINERD_SOCKET;
    else if (await daemonFs.exists(MANAGED_CONTAINERD_SOCKET)) containerdSocket = MANAGED_CONTAINERD_SOCKET;
  }
  const containerd: Sourced<ProcessEvidence> = !proc
    ? fail(noProc)
    : containerdSocket === undefined
      ? fail('no containerd socket found (neither configured nor at the default paths)')
      : await identifyDaemon(proc, daemonFs, exes, procPids.length, 'containerd', [containerdSocket], []);
  for (const socket of new Set([containerdSocket ?? DEFAULT_CONTAINERD_SOCKET, DEFAULT_CONTAINERD_SOCKET, MANAGED_CONTAINERD_SOCKET])) await addFile(daemonFs, socket);
  await addFile(hostFs, posix.dirname(containerdSocket ?? DEFAULT_CONTAINERD_SOCKET));
  const containerdConfig = containerd.ok ? lastFlag(parseDaemonArgv(containerd.value.argv), 'config') ?? lastFlag(parseDaemonArgv(containerd.value.argv), 'c') : undefined;
  for (const path of new Set([containerdConfig ?? '/etc/containerd/config.toml', '/etc/containerd/config.toml'])) await addFile(hostFs, path, true);

  // --- files CIS section 3 (and the section 1 audit targets) name ---
  await addFile(hostFs, '/etc/docker');
  await addFile(hostFs, '/etc/default/docker', true);
  await addFile(hostFs, '/etc/sysconfig/docker', true);
  await addFile(hostFs, '/etc/passwd', true);
  await addFile(hostFs, '/etc/group', true);
  if (daemonJsonPath !== undefined && daemonJson.ok) files[daemonJsonPath] = daemonJson.value;
  // A symlinked daemon.json is judged by its target's stat (3.17, 3.18).
  if (daemonJson.ok && daemonJson.value.realPath !== undefined && files[daemonJson.value.realPath] === undefined) files[daemonJson.value.realPath] = await daemonFs.examine(daemonJson.value.realPath);
  const configDir = daemonJsonPath !== undefined ? posix.dirname(daemonJsonPath) : '/etc/docker';
  await walkTree(daemonFs, posix.join(configDir, 'certs.d'), files);
  if (configDir !== '/etc/docker') await walkTree(daemonFs, '/etc/docker/certs.d', files);

  // TLS material: explicit paths always; the defaults only when TLS is on (§0.6).
  const tls = parseGoBool(setting('tls', 'tls') ?? 'false') === true;
  const tlsVerifySet = setting('tlsverify', 'tlsverify') !== undefined;
  const certDir = environ?.DOCKER_CERT_PATH || (environ?.HOME ? posix.join(environ.HOME, '.docker') : '/root/.docker');
  for (const [key, file] of [['tlscacert', 'ca.pem'], ['tlscert', 'cert.pem'], ['tlskey', 'key.pem']] as const) {
    const explicit = setting(key, key);
    if (explicit !== undefined) await addFile(daemonFs, explicit);
    else if (tls || tlsVerifySet) await addFile(daemonFs, posix.join(certDir, file));
  }

  const dataRoot = (typeof info.DockerRootDir === 'string' ? info.DockerRootDir : undefined) ?? setting('data-root', 'data-root') ?? '/var/lib/docker';
  await addFile(daemonFs, dataRoot);
  // Swarm node state (7.2, 7.9: ListenAddr, DataPathAddr are not in the API).
  await addFile(daemonFs, posix.join(dataRoot, 'swarm', 'docker-state.json'), true);
  if (dockerd.ok && dockerd.value.exe) await addFile(hostFs, dockerd.value.exe);
  const containerdExe = containerd.ok && containerd.value.exe ? containerd.value.exe : undefined;
  const binDir = containerdExe ? posix.dirname(containerdExe) : dockerd.ok && dockerd.value.exe ? posix.dirname(dockerd.value.exe) : undefined;
  if (containerdExe) await addFile(hostFs, containerdExe);
  if (binDir) for (const shim of ['containerd', 'containerd-shim', 'containerd-shim-runc-v1', 'containerd-shim-runc-v2']) await addFile(hostFs, posix.join(binDir, shim));
  for (const [pid, exe] of exes) if (/^containerd-shim/.test(posix.basename(exe)) && pid > 0) await addFile(hostFs, exe);
  const runcPath = typeof info.Runtimes?.runc?.path === 'string' ? info.Runtimes.runc.path : 'runc';
  const resolvedRunc = await resolveOnPath(hostFs, runcPath, environ?.PATH ?? DEFAULT_PATH);
  if (resolvedRunc) await addFile(hostFs, resolvedRunc);

  // --- audit rules (§0.7) ---
  const audit = await collectAuditRules(hostFs, options.runAuditctl ?? live);
  for (const path of audit.files) await addFile(hostFs, path, true);
  const auditdRunning: Sourced<boolean> = proc
    ? { ok: true, value: [...exes.values()].some((exe) => posix.basename(exe) === 'auditd') || [...comms.values()].includes('auditd') }
    : fail(noProc);

  // --- docker group ---
  const groupName = setting('group', 'group') ?? 'docker';
  const dockerGroupMembers = await groupMembers(hostFs, groupName);

  // --- processes of running containers (by cgroup, never docker exec) ---
  const containerProcesses: Record<string, Sourced<ContainerProcess[]>> = {};
  const running = (options.containers ?? []).filter((c: Json) => c?.State?.Running === true || (typeof c?.State?.Pid === 'number' && c.State.Pid > 0));
  if (running.length > 0) {
    if (!proc) {
      for (const c of running) containerProcesses[String(c.Id)] = fail(noProc);
    } else {
      const cgroups = new Map<number, string>();
      await Promise.all(procPids.map(async (pid) => {
        const text = await proc!.text(pid, 'cgroup', 64 * 1024);
        if (text !== undefined) cgroups.set(pid, text);
      }));
      // Index processes by the 64-hex ids in their cgroup paths once, instead of scanning every
      // process's cgroup text for every container (that grew with containers x processes).
      const pidsByCgroupId = new Map<string, number[]>();
      for (const [pid, text] of cgroups) {
        for (const match of new Set(text.match(/[0-9a-f]{64}/g) ?? [])) {
          const list = pidsByCgroupId.get(match);
          if (list) list.push(pid);
          else pidsByCgroupId.set(match, [pid]);
        }
      }
      const visiblePids = new Set(procPids);
      for (const c of running) {
        const id = String(c.Id);
        const statePid = typeof c.State?.Pid === 'number' ? c.State.Pid : 0;
        const pids = new Set<number>(pidsByCgroupId.get(id) ?? []);
        if (statePid > 0) pids.add(statePid);
        if (statePid > 0 && !visiblePids.has(statePid)) {
          containerProcesses[id] = fail(`State.Pid ${statePid} is not visible in /proc (auditor in another PID namespace?)`);
          continue;
        }
        const found: ContainerProcess[] = [];
        for (const pid of [...pids].sort((a, b) => a - b)) {
          const processEvidence = await proc.containerProcess(pid);
          if (processEvidence) found.push(processEvidence);
        }
        containerProcesses[id] = { ok: true, value: found };
      }
    }
  }

  // --- network, mounts, namespaces, LSMs ---
  const listening = proc ? await listeningTcp(proc) : fail<string[]>(noProc);
  const mounts = proc ? await mountTable(proc) : fail<HostEvidence['mounts'] extends Sourced<infer T> ? T : never>(noProc);
  const hostNamespaces: Sourced<Record<string, string>> = proc
    ? await proc.namespaces(1).then((ns) => (ns && Object.keys(ns).length > 0 ? { ok: true as const, value: ns } : fail<Record<string, string>>('/proc/1/ns unreadable')))
    : fail(noProc);
  const initComm = proc ? (await proc.text(1, 'comm', 256)) ?? (await proc.stat(1))?.comm : undefined;
  const systemdIsPid1: Sourced<boolean> = initComm !== undefined ? { ok: true, value: initComm.trim() === 'systemd' } : fail(proc ? '/proc/1/comm unreadable' : noProc);
  const sysPresent = await hostFs.exists('/sys/kernel') || await hostFs.exists('/sys/module') || await hostFs.exists('/sys/fs');
  const apparmorEnabled: Sourced<boolean> = await (async () => {
    const text = await hostFs.readText('/sys/module/apparmor/parameters/enabled', 16);
    if (text.ok) return { ok: true as const, value: text.value.trim() === 'Y' };
    if (!sysPresent) return fail<boolean>(`no /sys under ${root}`);
    return text.reason.includes('ENOENT') ? { ok: true as const, value: false } : fail<boolean>(text.reason);
  })();
  const selinuxEnabled: Sourced<boolean> = await (async () => {
    if (!sysPresent) return fail<boolean>(`no /sys under ${root}`);
    const evidence = await hostFs.examine('/sys/fs/selinux/enforce');
    if (evidence.error !== undefined && !evidence.exists) return fail<boolean>(`/sys/fs/selinux/enforce: ${evidence.error}`);
    return { ok: true as const, value: evidence.exists };
  })();

  const host: HostEvidence = {
    root,
    dockerd,
    containerd,
    daemonJson,
    daemonJsonSource,
    apiSockets: [...apiSockets].sort(),
    files: sortKeys(files),
    units,
    mounts,
    auditRules: audit.rules,
    auditdRunning,
    dockerGroupMembers,
    containerProcesses,
    listening,
    apparmorEnabled,
    selinuxEnabled,
    hostNamespaces,
    systemdIsPid1,
  };
  if (audit.source) host.auditSource = audit.source;
  if (containerdSocket !== undefined) host.containerdSocket = containerdSocket;
  if (Object.keys(unitDropIns).length > 0) host.unitDropIns = unitDropIns;
  return { ok: true, value: host };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * §0.5: the process (exe basename `name`) that holds a listening unix socket which is the same file
 * (st_dev, st_ino) as one of `socketPaths`; else the pidfile fallback; else the reason.
 */
async function identifyDaemon(
  proc: ProcFs,
  fs: HostFs,
  exes: Map<number, string>,
  processCount: number,
  name: string,
  socketPaths: string[],
  pidfiles: string[],
): Promise<Sourced<ProcessEvidence>> {
  const candidates = [...exes].filter(([, exe]) => posix.basename(exe) === name).map(([pid]) => pid).sort((a, b) => a - b);
  const targets: Array<{ dev: number; ino: number }> = [];
  for (const path of socketPaths) {
    try {
      const stats = await stat(fs.local(path));
      targets.push({ dev: stats.dev, ino: stats.ino });
    } catch {
      // A socket that is gone cannot be matched; the pidfile may still identify the daemon.
    }
  }
  const owners: Array<{ pid: number; listening: string[] }> = [];
  const problems: string[] = [];
  for (const pid of candidates) {
    let held: Set<string>;
    try {
      held = await proc.socketInodes(pid);
    } catch (error) {
      problems.push(`cannot read ${proc.path(pid, 'fd')}: ${describeFsError(error)}`);
      continue;
    }
    const listening = await proc.listeningUnixSockets(pid);
    const ownPaths: string[] = [];
    let owns = false;
    const pidRootReadable = await readdir(proc.path(pid, 'root')).then(() => true).catch(() => false);
    for (const [inode, path] of listening) {
      if (!held.has(inode)) continue;
      ownPaths.push(path);
      // Stat through the candidate's own root: a same-named socket in another mount namespace (DinD,
      // decoys) is a different file. A copied tree has no usable /proc/PID/root: use the host root.
      const seen = pidRootReadable ? await proc.statInRoot(pid, path) : await stat(fs.local(path)).then((s) => ({ dev: s.dev, ino: s.ino })).catch(() => undefined);
      if (seen && targets.some((t) => t.dev === seen.dev && t.ino === seen.ino)) owns = true;
    }
    if (owns) owners.push({ pid, listening: ownPaths.sort() });
  }
  if (owners.length > 1) return fail(`ambiguous ${name}: processes ${owners.map((o) => o.pid).join(', ')} all own ${socketPaths.join(', ')}`);
  if (owners.length === 1) {
    const evidence = await proc.process(owners[0]!.pid);
    if (evidence) return { ok: true, value: { ...evidence, identifiedBy: 'socket', listeningUnix: owners[0]!.listening } };
    problems.push(`process ${owners[0]!.pid} exited while being read`);
  }
  // Fallback: a pidfile naming a live process of that executable, started before the file was written.
  for (const pidfile of pidfiles) {
    const text = await fs.readText(pidfile, 64);
    if (!text.ok) continue;
    const pid = Number.parseInt(text.value.trim(), 10);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const exe = exes.get(pid) ?? (await proc.exe(pid));
    if (exe === undefined || posix.basename(exe) !== name) continue;
    const file = await fs.examine(pidfile);
    const evidence = await proc.process(pid);
    if (!evidence || file.mtimeMs === undefined || evidence.startTimeMs === undefined) continue;
    // Start time has 10 ms resolution; allow that much slack.
    if (evidence.startTimeMs > file.mtimeMs + 10) continue;
    return { ok: true, value: { ...evidence, identifiedBy: 'pidfile' } };
  }
  if (processCount === 0) return fail(`no processes readable in ${proc.dir}`);
  if (candidates.length === 0) {
    const unreadable = exes.size < processCount ? ` (${processCount - exes.size} processes' executables were unreadable: run as root)` : '';
    return fail(`no ${name} process found in ${proc.dir}${unreadable}`);
  }
  return fail(
    `${name} processes ${candidates.join(', ')} found, but none could be tied to ${socketPaths.join(', ')}${problems.length > 0 ? ` (${problems.join('; ')})` : ''}`,
  );
}

/** Recursively lists a directory tree (dirs and files) into `files`, bounded. */
async function walkTree(fs: HostFs, dir: string, files: Record<string, FileEvidence>): Promise<void> {
  const queue = [dir];
  let count = 0;
  while (queue.length > 0 && count < MAX_CERT_ENTRIES) {
    const current = queue.shift()!;
    const evidence = await fs.examine(current);
    files[current] = evidence;
    count++;
    if (evidence.type !== 'dir') continue;
    const listed = await fs.list(current);
    if (!listed.ok) {
      evidence.error = `cannot list: ${listed.reason}`;
      continue;
    }
    for (const name of listed.value) queue.push(posix.join(current, name));
  }
}

async function resolveOnPath(fs: HostFs, program: string, pathVariable: string): Promise<string | undefined> {
  if (program.startsWith('/')) return program;
  for (const dir of pathVariable.split(':')) {
    if (!dir.startsWith('/')) continue;
    const candidate = posix.join(dir, program);
    if (await fs.exists(candidate)) return candidate;
  }
  return undefined;
}

/** `auditctl -l` when allowed and present (authoritative), else the rules files (declared). */
async function collectAuditRules(fs: HostFs, runAuditctl: boolean): Promise<{ rules: Sourced<AuditRule[]>; source?: 'auditctl' | 'files'; files: string[] }> {
  if (runAuditctl) {
    const auditctl = ['/sbin/auditctl', '/usr/sbin/auditctl', '/usr/bin/auditctl', '/bin/auditctl'];
    for (const program of auditctl) {
      if (!(await fs.exists(program))) continue;
      const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(program, ['-l'], { timeout: AUDITCTL_TIMEOUT_MS, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => {
          resolve({ code: error ? 1 : 0, stdout: String(stdout) });
        });
      });
      if (result.code === 0) return { rules: { ok: true, value: parseAuditRules(result.stdout, 'auditctl -l') }, source: 'auditctl', files: [] };
      break;
    }
  }
  const rulesDir = '/etc/audit/rules.d';
  const paths: string[] = [];
  const listed = await fs.list(rulesDir);
  if (listed.ok) paths.push(...listed.value.filter((n) => n.endsWith('.rules')).sort(naturalCompare).map((n) => posix.join(rulesDir, n)));
  else if (!listed.reason.includes('ENOENT')) return { rules: fail(listed.reason), source: 'files', files: [] };
  paths.push('/etc/audit/audit.rules');
  const rules: AuditRule[] = [];
  const read: string[] = [];
  for (const path of paths) {
    const text = await fs.readText(path, 4 * 1024 * 1024);
    if (!text.ok) {
      if (text.reason.includes('ENOENT')) continue;
      return { rules: fail(text.reason), source: 'files', files: read };
    }
    read.push(path);
    rules.push(...parseAuditRules(text.value, path));
  }
  return { rules: { ok: true, value: rules }, source: 'files', files: read };
}

/** Supplementary members of `groupName` from /etc/group plus users whose primary group it is. */
async function groupMembers(fs: HostFs, groupName: string): Promise<Sourced<string[]>> {
  const groups = await fs.readText('/etc/group');
  if (!groups.ok) return fail(groups.reason);
  const line = groups.value.split('\n').find((l) => l.split(':')[0] === groupName);
  if (line === undefined) return fail(`group "${groupName}" is not in /etc/group (NSS sources are not read)`);
  const [, , gid, memberList] = line.split(':');
  const members = new Set((memberList ?? '').split(',').map((m) => m.trim()).filter((m) => m !== ''));
  const passwd = await fs.readText('/etc/passwd');
  if (!passwd.ok) return fail(passwd.reason);
  for (const entry of passwd.value.split('\n')) {
    const fields = entry.split(':');
    if (fields.length >= 4 && fields[3] === gid && fields[0]) members.add(fields[0]);
  }
  return { ok: true, value: [...members].sort() };
}

/** Listening TCP sockets of the host network namespace (PID 1's; our own when that is unreadable). */
async function listeningTcp(proc: ProcFs): Promise<Sourced<string[]>> {
  const limit = 16 * 1024 * 1024;
  let tables = { v4: await proc.read('1/net/tcp', limit), v6: await proc.read('1/net/tcp6', limit) };
  if (tables.v4 === undefined && tables.v6 === undefined) tables = { v4: await proc.read('net/tcp', limit), v6: await proc.read('net/tcp6', limit) };
  if (tables.v4 === undefined && tables.v6 === undefined) return fail(`${proc.path(1, 'net/tcp')}: unreadable`);
  const sockets = [...parseListeningTcp(tables.v4 ?? '', false), ...parseListeningTcp(tables.v6 ?? '', true)];
  return { ok: true, value: [...new Set(sockets)].sort() };
}

/** Mount table of PID 1 from /proc/1/mountinfo. */
async function mountTable(proc: ProcFs): Promise<HostEvidence['mounts']> {
  const text = await proc.text(1, 'mountinfo', 16 * 1024 * 1024);
  if (text === undefined) return fail(`${proc.path(1, 'mountinfo')}: unreadable`);
  const unescape = (s: string) => s.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
  const rows = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 10 || dash < 6) continue;
    rows.push({
      mountPoint: unescape(fields[4]!),
      device: fields[2]!,
      fsType: fields[dash + 1] ?? '',
      source: unescape(fields[dash + 2] ?? ''),
      options: fields[5]!,
      root: unescape(fields[3]!),
      superOptions: fields[dash + 3] ?? '',
    });
  }
  return { ok: true, value: rows };
}
