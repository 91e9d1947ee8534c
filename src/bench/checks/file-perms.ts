/**
 * The shared decision of section 3 (audit spec §3): resolve the target files, one item per file, owner
 * checks compare numeric uid/gid, mode checks are bitwise (`modeOK`), both on the symlink target's stat.
 * Remote → UNKNOWN, Podman → NOT_APPLICABLE, no target → NOT_APPLICABLE with the check's reason.
 * Not a check module.
 */
import type { CheckItem } from '../../core/check-result.js';
import type { BenchCheck, BenchCheckMeta, CheckOutcome, EvalContext } from '../check.js';
import { tlsState } from '../daemon-config.js';
import type { FileEvidence, HostEvidence } from '../snapshot.js';
import {
  apiSocketPaths, configDir, containerdSocketPath, daemonUser, fileEntry, fromItems, hostText, isOutcome, item, lookupFile, modeOK,
  needHost, notApplicable, octal, parseGroupFile, unknown, type ResolvedFile,
} from './host-common.js';

export interface FileTarget {
  path: string;
  /** Shown with the item: an extension beyond CIS, a caveat. */
  note?: string;
  /** Mode checks skip directories when the check is about regular files only. */
  kind?: 'any' | 'regular';
}

export interface FileTargets {
  targets: FileTarget[];
  /** Reason when none of the targets exists. */
  absent: string;
  notes?: string[];
}

export type FileResolver = (context: EvalContext, host: HostEvidence) => FileTargets | CheckOutcome;

export type Expectation =
  | { owner: 'root' }
  | { owner: 'root-or-socket-group' }
  | { maxMode: number; keyNote?: boolean };

/** Expected owner: root (RL: or the daemon user), §3. */
function ownerVerdict(context: EvalContext, host: HostEvidence, f: ResolvedFile, socketGroup: boolean): { ok: boolean; reason?: string; unknown?: string } {
  const user = context.daemon.mode.rootless ? daemonUser(context) : {};
  const uids = new Set([0, ...(user.uid !== undefined ? [user.uid] : [])]);
  const gids = new Set([0, ...(user.gid !== undefined ? [user.gid] : [])]);
  let groupNote = '';
  if (socketGroup) {
    const group = context.daemon.get('group');
    const name = typeof group.value === 'string' ? group.value : undefined;
    if (f.gid !== 0 && !gids.has(f.gid)) {
      if (name === undefined) return { ok: false, unknown: `socket group setting unknown: ${group.unknown ?? 'no evidence'}` };
      const text = hostText(host, '/etc/group');
      if (!text.ok) return { ok: false, unknown: `cannot resolve group "${name}": ${text.reason}` };
      const entry = parseGroupFile(text.text).find((g) => g.name === name || String(g.gid) === name);
      if (!entry) return { ok: false, unknown: `group "${name}" is not in /etc/group (NSS sources are not read)` };
      gids.add(entry.gid);
      groupNote = ` (group "${name}" is gid ${entry.gid})`;
    }
  }
  const problems: string[] = [];
  if (!uids.has(f.uid)) problems.push(`owner uid ${f.uid} is not root`);
  if (!gids.has(f.gid)) problems.push(`group gid ${f.gid} is not ${socketGroup ? 'root or the socket group' : 'root'}${groupNote}`);
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true };
}

export function evaluateFiles(context: EvalContext, resolve: FileResolver, expect: Expectation): CheckOutcome {
  const host = needHost(context);
  if (isOutcome(host)) return host;
  const resolved = resolve(context, host);
  if (isOutcome(resolved)) return resolved;
  const items: CheckItem[] = [];
  for (const target of resolved.targets) {
    const found = lookupFile(host, target.path);
    if (found.kind === 'absent') continue;
    if (found.kind === 'unknown') {
      items.push(item(target.path, 'UNKNOWN', found.reason));
      continue;
    }
    const f = found.file;
    const note = [target.note, f.chain].filter(Boolean).join('; ') || undefined;
    if ('owner' in expect) {
      const verdict = ownerVerdict(context, host, f, expect.owner === 'root-or-socket-group');
      if (verdict.unknown) items.push(item(target.path, 'UNKNOWN', verdict.unknown, note, [f.evidence]));
      else if (!verdict.ok) items.push(item(target.path, 'FAIL', verdict.reason, note, [f.evidence]));
      else items.push(item(target.path, 'PASS', undefined, [`owner ${f.uid}:${f.gid}`, note].filter(Boolean).join('; '), [f.evidence]));
    } else {
      if (target.kind === 'regular' && f.type !== 'file') continue;
      const keyNote = expect.keyNote && /\.key$/.test(target.path) && (f.mode & 0o044) !== 0 ? 'private key readable by group/other' : undefined;
      const detail = [`mode ${octal(f.mode)}`, note, keyNote].filter(Boolean).join('; ');
      if (modeOK(f.mode, expect.maxMode)) items.push(item(target.path, 'PASS', undefined, detail, [f.evidence]));
      else items.push(item(target.path, 'FAIL', `mode ${octal(f.mode)} grants more than ${octal(expect.maxMode)}`, detail, [f.evidence]));
    }
  }
  const outcome = fromItems(items, 'file(s)', notApplicable(resolved.absent));
  if (resolved.notes && resolved.notes.length > 0) outcome.evidence = [...(outcome.evidence ?? []), ...resolved.notes.map((n) => `note: ${n}`)];
  return outcome;
}

export function fileCheck(meta: BenchCheckMeta, resolve: FileResolver, expect: Expectation): BenchCheck {
  return { meta, evaluate: (context) => evaluateFiles(context, resolve, expect) };
}

// ---------------------------------------------------------------------------------------------------
// Target resolvers shared by the owner/mode pairs

/** A systemd unit file (3.1–3.4): the fragment found by the collector and, for docker.service, its drop-ins. */
export function unitTargets(unit: string, withDropIns: boolean): FileResolver {
  return (_context, host) => {
    const fragment = host.units[unit];
    if (!fragment) return unknown(`${unit} was not collected`);
    if (!fragment.ok) return /^no /.test(fragment.reason) ? notApplicable(`no ${unit} unit file`) : unknown(fragment.reason);
    if (fragment.value.realPath === '/dev/null') return notApplicable(`${unit} is masked`);
    const notes: string[] = [];
    if (host.systemdIsPid1?.ok === true && !host.systemdIsPid1.value) notes.push('systemd is not PID 1: the unit file may not be in effect');
    const targets: FileTarget[] = [{ path: fragment.value.path }];
    if (withDropIns) for (const d of host.unitDropIns?.[unit] ?? []) targets.push({ path: d.path, note: 'drop-in (extension beyond CIS)' });
    return { targets, absent: `no ${unit} unit file`, notes };
  };
}

export function pathTargets(path: string, absent = `${path} does not exist`): FileResolver {
  return () => ({ targets: [{ path }], absent });
}

export const etcDockerTargets: FileResolver = (context) => ({ targets: [{ path: configDir(context) }], absent: `${configDir(context)} does not exist` });

/** Everything under `<config dir>/certs.d/` (3.7, 3.8). */
export function certsTargets(kind: 'any' | 'regular'): FileResolver {
  return (context, host) => {
    const dir = `${configDir(context)}/certs.d`;
    const base = host.files[dir];
    if (base?.error !== undefined) return unknown(`${dir}: ${base.error}`);
    const targets = Object.keys(host.files).filter((p) => p.startsWith(`${dir}/`)).sort().map((path) => ({ path, kind }));
    return { targets, absent: `${dir} is absent or empty` };
  };
}

/** The effective TLS file `key` (3.9–3.14), or NOT_APPLICABLE when TLS is off. */
export function tlsTargets(key: 'tlscacert' | 'tlscert' | 'tlskey'): FileResolver {
  return (context) => {
    const tls = tlsState(context.daemon);
    if (tls.unknown !== undefined) return unknown(`TLS settings unknown: ${tls.unknown}`, tls.evidence);
    if (!tls.enabled) return notApplicable('TLS is not enabled on the daemon', tls.evidence);
    const file = context.daemon.get(key);
    if (typeof file.value !== 'string') return unknown(`effective ${key} unknown: ${file.unknown ?? 'no evidence'}`, file.evidence);
    return { targets: [{ path: file.value }], absent: `${key} ${file.value} does not exist` };
  };
}

export const apiSocketTargets: FileResolver = (context, host) => ({
  targets: apiSocketPaths(context, host).map((path) => ({ path })),
  absent: 'no unix API socket',
});

export const daemonJsonTargets: FileResolver = (_context, host) => {
  if (!host.daemonJson.ok) return unknown(`daemon.json in use unknown: ${host.daemonJson.reason}`);
  const path = host.daemonJson.value.path;
  return { targets: [{ path }], absent: `${path} does not exist (CIS: not applicable)` };
};

export const containerdSocketTargets: FileResolver = (context, host) => {
  const socket = containerdSocketPath(context, host);
  if (!socket) return notApplicable('no containerd socket in use was found');
  return { targets: [{ path: socket }], absent: `containerd socket ${socket} does not exist` };
};

/** Example fragment: `path` with the given stat (others default to root:root 0644 file). */
export function fileExample(path: string, stat: Partial<FileEvidence>, host: Record<string, unknown> = {}): Record<string, unknown> {
  return { host: { value: { files: fileEntry(path, stat), ...host } } };
}
