/**
 * Effective-setting helpers over the runtime model (audit spec §0.7). Pure: the daemon-wide facts they
 * need are passed in, so the same rules serve live containers, compose services and `docker run` lines.
 */
import type { ContainerRuntime, PortBinding } from './model.js';

/** Docker's default bounding set (moby `oci/caps/defaults.go`). */
export const DOCKER_DEFAULT_CAPS: readonly string[] = [
  'CAP_AUDIT_WRITE', 'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_MKNOD',
  'CAP_NET_BIND_SERVICE', 'CAP_NET_RAW', 'CAP_SETFCAP', 'CAP_SETGID', 'CAP_SETPCAP', 'CAP_SETUID', 'CAP_SYS_CHROOT',
];

/** Podman's default set (containers.conf). */
export const PODMAN_DEFAULT_CAPS: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_NET_BIND_SERVICE', 'CAP_SETFCAP',
  'CAP_SETGID', 'CAP_SETPCAP', 'CAP_SETUID', 'CAP_SYS_CHROOT',
];

/** Every Linux capability, in bit order (bit = index). */
export const ALL_CAPS: readonly string[] = [
  'CAP_CHOWN', 'CAP_DAC_OVERRIDE', 'CAP_DAC_READ_SEARCH', 'CAP_FOWNER', 'CAP_FSETID', 'CAP_KILL', 'CAP_SETGID',
  'CAP_SETUID', 'CAP_SETPCAP', 'CAP_LINUX_IMMUTABLE', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_NET_ADMIN',
  'CAP_NET_RAW', 'CAP_IPC_LOCK', 'CAP_IPC_OWNER', 'CAP_SYS_MODULE', 'CAP_SYS_RAWIO', 'CAP_SYS_CHROOT',
  'CAP_SYS_PTRACE', 'CAP_SYS_PACCT', 'CAP_SYS_ADMIN', 'CAP_SYS_BOOT', 'CAP_SYS_NICE', 'CAP_SYS_RESOURCE',
  'CAP_SYS_TIME', 'CAP_SYS_TTY_CONFIG', 'CAP_MKNOD', 'CAP_LEASE', 'CAP_AUDIT_WRITE', 'CAP_AUDIT_CONTROL',
  'CAP_SETFCAP', 'CAP_MAC_OVERRIDE', 'CAP_MAC_ADMIN', 'CAP_SYSLOG', 'CAP_WAKE_ALARM', 'CAP_BLOCK_SUSPEND',
  'CAP_AUDIT_READ', 'CAP_PERFMON', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE',
];

/**
 * The capability set a container ends up with, mirroring moby's TweakCapabilities: privileged gets
 * everything; `ALL` in add means all minus drop; `ALL` in drop means only add; otherwise
 * (base − drop) ∪ add.
 */
export function effectiveCaps(c: ContainerRuntime, base: readonly string[] = DOCKER_DEFAULT_CAPS): Set<string> {
  if (c.privileged) return new Set(ALL_CAPS);
  const add = new Set(c.capAdd);
  const drop = new Set(c.capDrop);
  if (add.size === 0 && drop.size === 0) return new Set(base);
  if (add.has('ALL')) return new Set(ALL_CAPS.filter((cap) => !drop.has(cap)));
  if (drop.has('ALL')) return new Set([...add].filter((cap) => cap !== 'ALL'));
  const caps = new Set(base.filter((cap) => !drop.has(cap)));
  for (const cap of add) caps.add(cap);
  return caps;
}

export type SeccompMode = 'unconfined' | 'default' | 'custom';

/**
 * The daemon's seccomp profile as `/info.SecurityOptions` reports it: `default`/`builtin`, `unconfined`,
 * a path; `null` when the daemon has no seccomp support; `undefined` when unknown.
 */
export function effectiveSeccomp(
  c: ContainerRuntime,
  daemonProfile: string | null | undefined,
): { mode: SeccompMode; why: string } | { mode: undefined; why: string } {
  const opt = c.securityOpt.seccomp;
  if (opt === 'unconfined') return { mode: 'unconfined', why: 'seccomp=unconfined' };
  const isCustom = opt !== undefined && opt !== 'builtin' && opt !== 'default';
  if (c.privileged && !isCustom) return { mode: 'unconfined', why: 'privileged containers run without seccomp' };
  if (daemonProfile === null) return { mode: 'unconfined', why: 'the daemon reports no seccomp support' };
  if (isCustom) return { mode: 'custom', why: 'custom profile from --security-opt seccomp' };
  if (opt !== undefined) return { mode: 'default', why: `seccomp=${opt}` };
  if (daemonProfile === undefined) return { mode: undefined, why: 'daemon seccomp profile unknown (SecurityOptions not read)' };
  if (daemonProfile === 'unconfined') return { mode: 'unconfined', why: 'daemon-wide seccomp profile is unconfined' };
  if (daemonProfile === 'default' || daemonProfile === 'builtin') return { mode: 'default', why: `daemon profile ${daemonProfile}` };
  return { mode: 'custom', why: `daemon profile ${daemonProfile}` };
}

/** no-new-privileges: the daemon default, overridden by the container's own option. */
export function effectiveNoNewPrivileges(
  c: ContainerRuntime,
  daemonDefault: boolean | undefined,
): { value: boolean | undefined; why: string } {
  if (c.securityOpt.noNewPrivileges !== undefined)
    return { value: c.securityOpt.noNewPrivileges, why: `container sets no-new-privileges=${c.securityOpt.noNewPrivileges}` };
  if (daemonDefault === undefined) return { value: undefined, why: 'daemon no-new-privileges default unknown' };
  return { value: daemonDefault, why: `daemon default no-new-privileges=${daemonDefault}` };
}

/** User string rules of isRootUser (§0.7) without name lookups: true/false, or undefined for a name that needs /etc/passwd. */
export function isRootUserString(user: string): boolean | undefined {
  const u = user.trim().split(':')[0] ?? '';
  if (u === '' || u === 'root') return true;
  if (/^\d+$/.test(u)) return Number(u) === 0;
  return undefined;
}

/**
 * Lexical path normalisation: collapse `//`, `.` and `..`, drop a trailing `/`, and fold `/var/run` into
 * `/run` (a symlink on every current distribution). Symlinks beyond that are not resolved: the snapshot
 * holds no realpath of mount sources.
 */
export function normaliseHostPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  let out = `/${parts.join('/')}`;
  if (out === '/var/run' || out.startsWith('/var/run/')) out = `/run${out.slice('/var/run'.length)}`;
  return out;
}

/** True when `child` is `parent` or lies below it (both normalised). */
export function isPathWithin(child: string, parent: string): boolean {
  if (parent === '/') return true;
  return child === parent || child.startsWith(`${parent}/`);
}

/** A published port with its host address resolved (§0.7 `bindings`). */
export interface ResolvedBinding extends PortBinding {
  /** Addresses the port actually listens on, e.g. `['0.0.0.0', '::']`. */
  hostIps: string[];
  /** How an empty address was resolved, for the report. */
  resolvedVia?: string;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);

export function isWildcardAddress(ip: string): boolean {
  return WILDCARDS.has(ip);
}

/**
 * Published ports of a container. An empty host IP takes the network's `host_binding_ipv4` option (the
 * daemon `--ip` feeds it for the default bridge), else both wildcards. `PublishAllPorts` adds an ephemeral
 * wildcard binding per exposed port when only configuration is known.
 */
export function resolvedBindings(c: ContainerRuntime, networkBindingIp: (c: ContainerRuntime) => string | undefined): ResolvedBinding[] {
  const out: ResolvedBinding[] = [];
  const resolve = (binding: PortBinding): ResolvedBinding => {
    if (binding.hostIp !== '') return { ...binding, hostIps: [binding.hostIp.replace(/^\[(.*)\]$/, '$1')] };
    const networkIp = networkBindingIp(c);
    if (networkIp) return { ...binding, hostIps: [networkIp], resolvedVia: 'network host_binding_ipv4 option' };
    return { ...binding, hostIps: ['0.0.0.0', '::'], resolvedVia: 'engine default (all addresses)' };
  };
  for (const binding of c.ports) out.push(resolve(binding));
  if (c.publishAllPorts && c.portsFrom === 'config') {
    for (const exposed of c.exposedPorts) {
      const match = /^(\d+)(?:\/(tcp|udp|sctp))?$/.exec(exposed);
      if (!match) continue;
      const containerPort = Number(match[1]);
      const proto = (match[2] as PortBinding['proto'] | undefined) ?? 'tcp';
      if (out.some((b) => b.containerPort === containerPort && b.proto === proto)) continue;
      out.push(resolve({ hostIp: '', hostPort: '', containerPort, proto }));
    }
  }
  return out;
}

/** Describe a binding as `0.0.0.0:8080->80/tcp`. */
export function describeBinding(b: ResolvedBinding): string {
  const ips = b.hostIps.map((ip) => (ip.includes(':') ? `[${ip}]` : ip)).join(',');
  return `${ips}:${b.hostPort || '(ephemeral)'}->${b.containerPort}/${b.proto}`;
}
