/**
 * Shared pieces of the host and daemon checks (sections 1–4, 6, 7): metadata defaults, outcome builders,
 * host-access gates by target mode (§0.3), file stat resolution through symlinks and the path helpers of
 * §0.7 (`real`, `wpath`, `modeOK`). Not a check module itself. Pure.
 */
import { aggregateStatus, type CheckItem, type CheckStatus } from '../../core/check-result.js';
import type { BenchCheck, BenchCheckMeta, CheckOutcome, EvalContext } from '../check.js';
import type { ConfigValue } from '../daemon-config.js';
import type { FileEvidence, HostEvidence } from '../snapshot.js';

/** Metadata with the defaults every CIS check shares (id, section, anchor). */
export function cisMeta(
  meta: Omit<BenchCheckMeta, 'id' | 'section' | 'docsAnchor'> & Partial<Pick<BenchCheckMeta, 'docsAnchor'>>,
): BenchCheckMeta {
  return {
    id: `cis-${meta.cisId}`,
    section: meta.cisId.split('.')[0]!,
    docsAnchor: `cis-${meta.cisId.replace(/\./g, '-')}`,
    ...meta,
  };
}

export function result(status: CheckStatus, reason?: string, extra: { items?: CheckItem[]; evidence?: string[] } = {}): CheckOutcome {
  const out: CheckOutcome = { status };
  if (reason) out.reason = reason;
  if (extra.items && extra.items.length > 0) out.items = extra.items;
  if (extra.evidence && extra.evidence.length > 0) out.evidence = extra.evidence;
  return out;
}

export const pass = (reason?: string, evidence?: string[]) => result('PASS', reason, evidence ? { evidence } : {});
export const fail = (reason: string, evidence?: string[]) => result('FAIL', reason, evidence ? { evidence } : {});
export const unknown = (reason: string, evidence?: string[]) => result('UNKNOWN', reason, evidence ? { evidence } : {});
export const notApplicable = (reason: string, evidence?: string[]) => result('NOT_APPLICABLE', reason, evidence ? { evidence } : {});
export const manual = (reason: string, evidence?: string[]) => result('MANUAL', reason, evidence ? { evidence } : {});
export const info = (reason: string, evidence?: string[]) => result('INFO', reason, evidence ? { evidence } : {});

/** The check status over items (§0.1), with a reason naming the objects that decided it. */
export function fromItems(items: CheckItem[], noun: string, whenEmpty: CheckOutcome): CheckOutcome {
  if (items.length === 0) return whenEmpty;
  const status = aggregateStatus(items);
  const deciding = items.filter((i) => i.status === status);
  const names = deciding.slice(0, 5).map((i) => i.object).join(', ') + (deciding.length > 5 ? ', ...' : '');
  let reason: string | undefined;
  switch (status) {
    case 'FAIL':
      reason = `${deciding.length} of ${items.length} ${noun} fail: ${deciding.length === 1 ? `${names}: ${deciding[0]!.reason ?? ''}` : names}`;
      break;
    case 'UNKNOWN':
      reason = `could not decide for ${deciding.length} ${noun}: ${deciding[0]!.reason ?? 'evidence missing'}`;
      break;
    case 'MANUAL':
      reason = deciding.length === 1 ? deciding[0]!.reason ?? `${names} needs review` : `${deciding.length} ${noun} need review: ${names}`;
      break;
    case 'NOT_APPLICABLE':
      reason = deciding[0]!.reason ?? 'not applicable';
      break;
    case 'PASS':
      reason = deciding.find((i) => i.reason)?.reason;
      break;
    default:
      reason = deciding[0]!.reason;
  }
  return result(status, reason, { items });
}

export function item(object: string, status: CheckStatus, reason?: string, detail?: string, evidence?: string[]): CheckItem {
  const out: CheckItem = { object, status };
  if (reason) out.reason = reason;
  if (detail) out.detail = detail;
  if (evidence && evidence.length > 0) out.evidence = evidence;
  return out;
}

/**
 * Gate for checks that need host evidence: NOT_APPLICABLE on Podman (when the check is dockerd-specific),
 * UNKNOWN without host access (remote daemon, unreadable host). Returns the host evidence or the outcome.
 */
export function needHost(context: EvalContext, options: { podman?: 'na' | 'evaluate' } = {}): HostEvidence | CheckOutcome {
  if (context.daemon.mode.podman && options.podman !== 'evaluate') return notApplicable('target is Podman');
  const host = context.daemon.host;
  if (!host.ok) return unknown(host.reason);
  return host.value;
}

export function isOutcome(value: unknown): value is CheckOutcome {
  return typeof value === 'object' && value !== null && 'status' in value && typeof (value as CheckOutcome).status === 'string';
}

/** Gate for dockerd-configuration checks: Podman → NOT_APPLICABLE (compat /info fields are synthetic). */
export function notPodman(context: EvalContext): CheckOutcome | undefined {
  return context.daemon.mode.podman ? notApplicable('target is Podman: no dockerd, and the compat /info fields are synthetic') : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Paths (§0.7)

/** Lexical normalisation: collapse `//`, `.`, `..`, drop a trailing `/`. */
export function normalisePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export function dirname(path: string): string {
  const normal = normalisePath(path);
  const cut = normal.lastIndexOf('/');
  return cut <= 0 ? '/' : normal.slice(0, cut);
}

export function basename(path: string): string {
  const normal = normalisePath(path);
  return normal.slice(normal.lastIndexOf('/') + 1);
}

/**
 * `real(p)` as far as the snapshot knows it: the collected realPath of `p` or of its longest collected
 * ancestor, and `/var/run` folded into `/run` (a symlink on every current distribution).
 */
export function realOf(host: HostEvidence | undefined, path: string): string {
  let p = normalisePath(path);
  if (host) {
    const direct = host.files[p];
    if (direct?.realPath) return normalisePath(direct.realPath);
    if (direct?.exists && direct.type !== 'symlink') {
      // p itself is real unless an ancestor is a link; fall through to the ancestor scan.
    }
    let ancestor = dirname(p);
    while (ancestor !== '/') {
      const entry = host.files[ancestor];
      if (entry?.realPath) {
        p = normalisePath(`${entry.realPath}/${p.slice(ancestor.length + 1)}`);
        break;
      }
      ancestor = dirname(ancestor);
    }
  }
  if (p === '/var/run' || p.startsWith('/var/run/')) p = `/run${p.slice('/var/run'.length)}`;
  return p;
}

/** `wpath(p)` = real(dirname(p)) + basename(p): where an audit watch really is (the last link is not followed). */
export function wpathOf(host: HostEvidence | undefined, path: string): string {
  const normal = normalisePath(path);
  if (normal === '/') return '/';
  const parent = realOf(host, dirname(normal));
  return parent === '/' ? `/${basename(normal)}` : `${parent}/${basename(normal)}`;
}

/** `modeOK(m, max)` ⇔ no permission or special bit outside `max` (bitwise, §0.7). */
export function modeOK(mode: number, max: number): boolean {
  return ((mode & 0o7777) & ~max) === 0;
}

export function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** A file after following symlinks: the stat that matters and how we got there. */
export interface ResolvedFile {
  path: string;
  /** The path actually stat-ed (the symlink target when `path` is a link). */
  real: string;
  /** The link chain (`/etc/default/docker -> /etc/docker/env`), when any. */
  chain?: string;
  mode: number;
  uid: number;
  gid: number;
  type: FileEvidence['type'];
  evidence: string;
}

export type FileLookup =
  | { kind: 'file'; file: ResolvedFile }
  | { kind: 'absent'; path: string }
  | { kind: 'unknown'; path: string; reason: string };

/**
 * Stat of `path` following symlinks (the collector's lstat is of the link itself; the target's stat is
 * under its realPath). A file with `error` set has an untrustworthy `exists`.
 */
export function lookupFile(host: HostEvidence, path: string): FileLookup {
  const entry = host.files[path];
  if (!entry) return { kind: 'unknown', path, reason: `${path} was not collected` };
  if (entry.error !== undefined) return { kind: 'unknown', path, reason: `${path}: ${entry.error}` };
  if (!entry.exists) return { kind: 'absent', path };
  let target = entry;
  let chain: string | undefined;
  if (entry.type === 'symlink') {
    if (!entry.realPath) return { kind: 'unknown', path, reason: `${path}: symlink target not resolved` };
    const resolved = host.files[entry.realPath];
    if (!resolved) return { kind: 'unknown', path, reason: `${path} -> ${entry.realPath}: target not collected` };
    if (resolved.error !== undefined) return { kind: 'unknown', path, reason: `${entry.realPath}: ${resolved.error}` };
    if (!resolved.exists) return { kind: 'absent', path };
    target = resolved;
    chain = `${path} -> ${entry.realPath}`;
  } else if (entry.realPath) {
    chain = `${path} (really ${entry.realPath})`;
  }
  if (target.mode === undefined || target.uid === undefined || target.gid === undefined)
    return { kind: 'unknown', path, reason: `${path}: no stat recorded` };
  const real = target === entry ? entry.realPath ?? path : entry.realPath!;
  const file: ResolvedFile = {
    path,
    real,
    mode: target.mode,
    uid: target.uid,
    gid: target.gid,
    type: target.type,
    evidence: `file:${real}#stat mode=${octal(target.mode)} uid=${target.uid} gid=${target.gid}`,
  };
  if (chain) file.chain = chain;
  return { kind: 'file', file };
}

/** Does the file exist (per lookupFile)? undefined when not known. */
export function fileExists(host: HostEvidence, path: string): boolean | undefined {
  const found = lookupFile(host, path);
  return found.kind === 'file' ? true : found.kind === 'absent' ? false : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Users and groups (names from the host's /etc/passwd and /etc/group; NSS is not read)

export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
}

export function parseGroupFile(text: string): GroupEntry[] {
  const out: GroupEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 3 || !fields[0] || !/^\d+$/.test(fields[2]!)) continue;
    out.push({ name: fields[0], gid: Number(fields[2]), members: (fields[3] ?? '').split(',').map((m) => m.trim()).filter((m) => m !== '') });
  }
  return out;
}

export function parsePasswdFile(text: string): PasswdEntry[] {
  const out: PasswdEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    if (fields.length < 4 || !fields[0] || !/^\d+$/.test(fields[2]!) || !/^\d+$/.test(fields[3]!)) continue;
    out.push({ name: fields[0], uid: Number(fields[2]), gid: Number(fields[3]) });
  }
  return out;
}

/** `/etc/group` or `/etc/passwd` content, or why it is not available. */
export function hostText(host: HostEvidence, path: string): { ok: true; text: string } | { ok: false; reason: string } {
  const entry = host.files[path];
  if (!entry) return { ok: false, reason: `${path} was not collected` };
  if (entry.error !== undefined) return { ok: false, reason: `${path}: ${entry.error}` };
  if (!entry.exists) return { ok: false, reason: `${path} does not exist` };
  if (entry.content === undefined) return { ok: false, reason: `${path}: content not collected` };
  return { ok: true, text: entry.content };
}

/** The daemon's uid and primary gid (rootless expected owner, §3). */
export function daemonUser(context: EvalContext): { uid?: number; gid?: number } {
  const d = context.daemon.dockerd;
  if (!d.ok) return {};
  const uidLine = d.value.status?.['Uid'];
  const gidLine = d.value.status?.['Gid'];
  const out: { uid?: number; gid?: number } = {};
  const euid = uidLine?.split(/\s+/)[1];
  if (euid && /^\d+$/.test(euid)) out.uid = Number(euid);
  else if (d.value.uid !== undefined) out.uid = d.value.uid;
  const egid = gidLine?.split(/\s+/)[1];
  if (egid && /^\d+$/.test(egid)) out.gid = Number(egid);
  return out;
}

/** Unix API socket paths in use (1.1.9, 3.15): collector's list, else the endpoint's socket. */
export function apiSocketPaths(context: EvalContext, host: HostEvidence): string[] {
  const sockets = new Set<string>(host.apiSockets ?? []);
  const endpoint = /^unix:\/\/(.+)$/.exec(context.snapshot.engine.endpoint);
  if (sockets.size === 0 && endpoint?.[1]) sockets.add(endpoint[1]);
  // The same socket under /var/run and /run is one target.
  const byReal = new Map<string, string>();
  for (const socket of [...sockets].sort()) {
    const real = realOf(host, socket);
    if (!byReal.has(real)) byReal.set(real, socket);
  }
  return [...byReal.values()];
}

/** The containerd socket in use (§0.6 `containerd`): the API address, the collector's finding, or undefined. */
export function containerdSocketPath(context: EvalContext, host: HostEvidence): string | undefined {
  const configured = context.daemon.get('containerd');
  if (typeof configured.value === 'string' && configured.value !== '') return configured.value.replace(/^unix:\/\//, '');
  return host.containerdSocket;
}

/** The daemon's configuration directory (`/etc/docker`, or the rootless/explicit daemon.json's directory). */
export function configDir(context: EvalContext): string {
  const path = context.daemon.filePath;
  if (path && context.daemon.mode.rootless) return dirname(path);
  return '/etc/docker';
}

/** Swarm node state from `/info.Swarm.LocalNodeState` (undefined when /info was not read). */
export function swarmState(context: EvalContext): string | undefined {
  const swarm = context.daemon.info?.['Swarm'];
  const state = swarm && typeof swarm === 'object' ? (swarm as Record<string, unknown>)['LocalNodeState'] : undefined;
  return typeof state === 'string' ? state : undefined;
}

/** Compare dotted numeric versions: negative when a < b. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Example fragment: the host half with `files` entries and other host fields merged in. */
export function hostExample(host: Record<string, unknown>): Record<string, unknown> {
  return { host: { value: host } };
}

/** Example fragment: a file entry (path → evidence) merged into `host.files`. */
export function fileEntry(path: string, evidence: Partial<FileEvidence>): Record<string, FileEvidence> {
  return { [path]: { path, exists: true, type: 'file', uid: 0, gid: 0, mode: 0o644, ...evidence } };
}

/** Example fragment: no host access (remote daemon). */
export const REMOTE_EXAMPLE: Record<string, unknown> = {
  engine: { endpoint: 'tcp://10.0.0.5:2376', locality: 'remote' },
  host: { ok: false, reason: 'no host access: the daemon is remote (tcp://10.0.0.5:2376); give --host-root to read host files' },
};

/** Example fragment: the target is Podman. */
export const PODMAN_EXAMPLE: Record<string, unknown> = {
  engine: { version: { value: { Components: [{ Name: 'Podman Engine', Version: '5.2.0' }] } } },
};

/**
 * The systemd unit running dockerd (§0.7): the last component of its cgroup (`name=systemd` line on v1,
 * `0::` on v2). When dockerd or its cgroup is unknown, docker.service is assumed and said so.
 */
export function daemonUnit(context: EvalContext):
  | { kind: 'unit'; name: string }
  | { kind: 'assumed'; name: string; reason: string }
  | { kind: 'none'; reason: string } {
  const dockerd = context.daemon.dockerd;
  const cgroup = dockerd.ok ? dockerd.value.cgroup : undefined;
  if (cgroup === undefined) {
    const why = dockerd.ok ? 'its cgroup was not read' : dockerd.reason;
    return { kind: 'assumed', name: 'docker.service', reason: `unit running dockerd not verified (${why}); assuming docker.service` };
  }
  const lines = cgroup.split('\n').filter((l) => l.trim() !== '');
  const line = lines.find((l) => l.split(':')[1] === 'name=systemd') ?? lines.find((l) => l.startsWith('0::')) ?? lines[0] ?? '';
  const path = line.split(':').slice(2).join(':');
  const last = path.split('/').filter(Boolean).pop() ?? '';
  if (last.endsWith('.service')) return { kind: 'unit', name: last };
  return { kind: 'none', reason: `dockerd is not run by a systemd service (cgroup ${path || '?'})` };
}

/** Example fragment: the daemon.json in use holds `settings`. */
export function daemonJsonExample(settings: Record<string, unknown>, host: Record<string, unknown> = {}): Record<string, unknown> {
  return { host: { value: { daemonJson: { value: { content: JSON.stringify(settings) } }, ...host } } };
}

/** Example fragment: dockerd runs with `args` (argv[0] is added). */
export function argvExample(args: string[], host: Record<string, unknown> = {}): Record<string, unknown> {
  return { host: { value: { dockerd: { value: { argv: ['/usr/bin/dockerd', ...args] } }, ...host } } };
}

/** Example fragment: `/info` fields replaced. */
export function infoFields(fields: Record<string, unknown>): Record<string, unknown> {
  return { engine: { info: { value: fields } } };
}

/** Merge example fragments (shallow-deep, enough for disjoint host/engine parts). */
export function merged(...fragments: Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const mergeInto = (target: Record<string, unknown>, source: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(source)) {
      const existing = target[key];
      if (existing && typeof existing === 'object' && !Array.isArray(existing) && value && typeof value === 'object' && !Array.isArray(value))
        mergeInto(existing as Record<string, unknown>, value as Record<string, unknown>);
      else target[key] = value;
    }
  };
  for (const fragment of fragments) mergeInto(out, structuredClone(fragment));
  return out;
}

/** UNKNOWN outcome for a configuration key that could not be decided. */
export function unknownSetting(key: string, value: ConfigValue): CheckOutcome {
  return unknown(`effective "${key}" unknown: ${value.unknown ?? 'no evidence'}`, value.evidence);
}

/** The evidence of a setting plus its caveats (declared-only file values, drift). */
export function settingEvidence(value: ConfigValue): string[] {
  return [...value.evidence, ...(value.declared ? [`note: ${value.declared}`] : []), ...(value.drift ? [`note: ${value.drift}`] : [])];
}

/** A BenchCheck whose evaluation first applies the Podman gate of section 2. */
export function daemonCheck(meta: BenchCheckMeta, evaluate: (context: EvalContext) => CheckOutcome): BenchCheck {
  return { meta, evaluate: (context) => notPodman(context) ?? evaluate(context) };
}

/** Nanoseconds in a day (swarm durations are in ns). */
export const SWARM_DAY = 86_400_000_000_000;
