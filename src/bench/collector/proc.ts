/**
 * Reading processes from a procfs directory (`/proc`, or `<host-root>/proc`). Read-only, bounded, and
 * tolerant: a process that exits mid-scan simply disappears from the results.
 */
import { closeSync, fstatSync, openSync, readlinkSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { ContainerProcess, ProcessEvidence } from '../snapshot.js';

/** Linux USER_HZ: 100 on every mainstream architecture; /proc/PID/stat start times are in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;
const MAX_FDS_SCANNED = 65_536;
/** Scratch space for readProcText (synchronous, so never shared by two reads at once). */
const SCRATCH = Buffer.allocUnsafe(64 * 1024);
const STATUS_KEYS = ['Name', 'Uid', 'Gid', 'CapEff', 'CapPrm', 'CapBnd', 'NoNewPrivs', 'Seccomp'];

export class ProcFs {
  private bootTimeMs: number | undefined | null = null;

  constructor(readonly dir: string) {}

  path(...parts: Array<string | number>): string {
    return posix.join(this.dir, ...parts.map(String));
  }

  async pids(): Promise<number[]> {
    const entries = await readdir(this.dir);
    return entries.filter((name) => /^\d+$/.test(name)).map(Number).sort((a, b) => a - b);
  }

  async text(pid: number | 'self', file: string, maxBytes = 1024 * 1024): Promise<string | undefined> {
    return readProcText(this.path(pid, file), maxBytes);
  }

  /** A file relative to the procfs root (`1/net/tcp`, `stat`), or undefined when unreadable. */
  async read(relative: string, maxBytes = 1024 * 1024): Promise<string | undefined> {
    return readProcText(posix.join(this.dir, relative), maxBytes);
  }

  async link(pid: number | 'self', file: string): Promise<string | undefined> {
    try {
      // Synchronous on purpose: see readProcText.
      return readlinkSync(this.path(pid, file));
    } catch {
      return undefined;
    }
  }

  /** realpath of the executable as the kernel reports it (without the ` (deleted)` suffix). */
  async exe(pid: number): Promise<string | undefined> {
    const target = await this.link(pid, 'exe');
    return target?.replace(/ \(deleted\)$/, '');
  }

  async argv(pid: number): Promise<string[] | undefined> {
    const raw = await this.text(pid, 'cmdline', 256 * 1024);
    if (raw === undefined) return undefined;
    const parts = raw.split('\0');
    if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return parts;
  }

  /** Fields of /proc/PID/stat after the parenthesised comm (which may itself hold spaces and parens). */
  async stat(pid: number): Promise<{ comm: string; ppid: number; startTime: number } | undefined> {
    const raw = await this.text(pid, 'stat', 4096);
    if (raw === undefined) return undefined;
    const open = raw.indexOf('(');
    const close = raw.lastIndexOf(')');
    if (open < 0 || close < open) return undefined;
    const rest = raw.slice(close + 2).trim().split(/\s+/);
    // rest[0] is field 3 (state): ppid is field 4, starttime field 22.
    return { comm: raw.slice(open + 1, close), ppid: Number(rest[1]), startTime: Number(rest[19]) };
  }

  async status(pid: number): Promise<Record<string, string> | undefined> {
    const raw = await this.text(pid, 'status', 64 * 1024);
    if (raw === undefined) return undefined;
    const selected: Record<string, string> = {};
    for (const line of raw.split('\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon);
      if (STATUS_KEYS.includes(key)) selected[key] = line.slice(colon + 1).trim();
    }
    return selected;
  }

  /**
   * The daemon's environment, reduced to the variables checks use (config paths, rootless state, PATH).
   * Everything else (proxy credentials, tokens) stays out of the snapshot, which users save and share.
   */
  async environ(pid: number): Promise<Record<string, string> | undefined> {
    const raw = await this.text(pid, 'environ', 256 * 1024);
    if (raw === undefined) return undefined;
    const env: Record<string, string> = {};
    for (const entry of raw.split('\0')) {
      const eq = entry.indexOf('=');
      if (eq > 0 && isAuditedVariable(entry.slice(0, eq))) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    return env;
  }

  async bootTime(): Promise<number | undefined> {
    if (this.bootTimeMs !== null) return this.bootTimeMs;
    const raw = await this.read('stat');
    const match = raw ? /^btime\s+(\d+)/m.exec(raw) : null;
    this.bootTimeMs = match ? Number(match[1]) * 1000 : undefined;
    return this.bootTimeMs;
  }

  /** Everything the snapshot keeps about a daemon process. */
  async process(pid: number): Promise<ProcessEvidence | undefined> {
    const [argv, exe, stats, status, environ, cgroup] = await Promise.all([
      this.argv(pid),
      this.exe(pid),
      this.stat(pid),
      this.status(pid),
      this.environ(pid),
      this.text(pid, 'cgroup', 64 * 1024),
    ]);
    if (argv === undefined && stats === undefined) return undefined;
    const evidence: ProcessEvidence = { pid, argv: argv ?? [] };
    if (exe !== undefined) evidence.exe = exe;
    if (status?.Uid) evidence.uid = Number(status.Uid.split(/\s+/)[0]);
    if (environ !== undefined) evidence.environ = environ;
    if (stats) {
      evidence.comm = stats.comm;
      evidence.ppid = stats.ppid;
      evidence.startTime = stats.startTime;
      const boot = await this.bootTime();
      if (boot !== undefined && Number.isFinite(stats.startTime)) evidence.startTimeMs = boot + Math.round((stats.startTime * 1000) / CLOCK_TICKS_PER_SECOND);
    }
    if (cgroup !== undefined) evidence.cgroup = cgroup;
    if (status) evidence.status = status;
    return evidence;
  }

  /** What the snapshot keeps about a process inside a container. */
  async containerProcess(pid: number): Promise<ContainerProcess | undefined> {
    const [argv, exe, stats, status, label, uidMap, namespaces] = await Promise.all([
      this.argv(pid),
      this.exe(pid),
      this.stat(pid),
      this.status(pid),
      this.text(pid, 'attr/current', 4096),
      this.text(pid, 'uid_map', 4096),
      this.namespaces(pid),
    ]);
    if (stats === undefined) return undefined;
    const evidence: ContainerProcess = { pid, comm: stats.comm, argv: argv ?? [] };
    if (exe !== undefined) evidence.exe = exe;
    if (status) evidence.status = status;
    if (label !== undefined) evidence.securityLabel = label.replace(/\0/g, '').trim();
    if (uidMap !== undefined) evidence.uidMap = uidMap.trim();
    if (namespaces) evidence.namespaces = namespaces;
    return evidence;
  }

  async namespaces(pid: number): Promise<Record<string, string> | undefined> {
    let names: string[];
    try {
      names = await readdir(this.path(pid, 'ns'));
    } catch {
      return undefined;
    }
    const result: Record<string, string> = {};
    for (const name of names.sort()) {
      const target = await this.link(pid, `ns/${name}`);
      if (target !== undefined) result[name] = target;
    }
    return result;
  }

  /**
   * Socket inodes held open by `pid` (`socket:[N]` fd links). Throws when fd/ is unreadable, so the caller
   * can tell "holds none" from "cannot look" (non-root auditor).
   */
  async socketInodes(pid: number): Promise<Set<string>> {
    const fds = await readdir(this.path(pid, 'fd'));
    const inodes = new Set<string>();
    for (const fd of fds.slice(0, MAX_FDS_SCANNED)) {
      const target = await this.link(pid, `fd/${fd}`);
      const match = target ? /^socket:\[(\d+)\]$/.exec(target) : null;
      if (match) inodes.add(match[1]!);
    }
    return inodes;
  }

  /** Listening unix sockets in `pid`'s network namespace: inode → path. */
  async listeningUnixSockets(pid: number): Promise<Map<string, string>> {
    const raw = await this.text(pid, 'net/unix', 16 * 1024 * 1024);
    return parseListeningUnix(raw ?? '');
  }

  /** stat of `path` as seen from `pid`'s root (its mount namespace); undefined when not reachable. */
  async statInRoot(pid: number, path: string): Promise<{ dev: number; ino: number } | undefined> {
    try {
      const stats = await stat(posix.join(this.path(pid, 'root'), path));
      return { dev: stats.dev, ino: stats.ino };
    } catch {
      return undefined;
    }
  }
}

/**
 * Bounded read of a procfs text file, or undefined when unreadable. Synchronous on purpose: procfs
 * files are generated by the kernel in memory, and a host scan reads thousands of them (cgroup, stat,
 * exe... of every process); through the libuv thread pool each read costs five round trips and the scan
 * grew by several ms per container. Files under a --host-root copy are small regular files as well.
 */
export function readProcText(path: string, maxBytes: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    // Most procfs files fit the shared scratch buffer: decode straight from it, no allocation per file.
    const first = readSync(fd, SCRATCH, 0, Math.min(SCRATCH.length, maxBytes), null);
    if (first < SCRATCH.length || first >= maxBytes) return SCRATCH.toString('utf8', 0, first);
    const chunks: Buffer[] = [Buffer.from(SCRATCH.subarray(0, first))];
    let total = first;
    while (total < maxBytes) {
      const bytesRead = readSync(fd, SCRATCH, 0, Math.min(SCRATCH.length, maxBytes - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(SCRATCH.subarray(0, bytesRead)));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Rows of /proc/net/unix with the listening flag (`00010000`) and a path. */
export function parseListeningUnix(text: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // Num RefCount Protocol Flags Type St Inode [Path]
    if (fields.length < 8) continue;
    if (fields[3] !== '00010000') continue;
    const path = fields.slice(7).join(' ');
    if (path.startsWith('@')) continue; // abstract socket: no file to compare
    result.set(fields[6]!, path);
  }
  return result;
}

/** Listening TCP sockets (state 0A) from /proc/net/tcp or tcp6 text, as `addr:port` / `[addr]:port`. */
export function parseListeningTcp(text: string, ipv6: boolean): string[] {
  const result: string[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || fields[3] !== '0A') continue;
    const [addressHex, portHex] = (fields[1] ?? '').split(':');
    if (!addressHex || !portHex) continue;
    const port = Number.parseInt(portHex, 16);
    result.push(ipv6 ? `[${decodeIpv6(addressHex)}]:${port}` : `${decodeIpv4(addressHex)}:${port}`);
  }
  return result;
}

/** /proc/net/tcp prints each 32-bit word in host (little-endian) byte order. */
function wordBytes(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 6; i >= 0; i -= 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
  return bytes;
}

export function decodeIpv4(hex: string): string {
  return wordBytes(hex.padStart(8, '0')).join('.');
}

export function decodeIpv6(hex: string): string {
  const bytes: number[] = [];
  for (let word = 0; word < 4; word++) bytes.push(...wordBytes(hex.slice(word * 8, word * 8 + 8)));
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  // IPv4-mapped addresses read better in dotted form.
  if (groups.slice(0, 5).every((g) => g === '0') && groups[5] === 'ffff') return `::ffff:${bytes.slice(12).join('.')}`;
  return compressIpv6(groups);
}

function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

/** Environment variables of dockerd/containerd that checks read; the rest is never stored. */
export function isAuditedVariable(name: string): boolean {
  return (
    name === 'HOME' ||
    name === 'PATH' ||
    name === 'USER' ||
    name.startsWith('XDG_') ||
    name.startsWith('ROOTLESSKIT_') ||
    name === 'DOCKER_CERT_PATH' ||
    name === 'DOCKER_HOST' ||
    name === 'DOCKER_TLS_VERIFY' ||
    name === 'DOCKER_CONFIG' ||
    name === 'DOCKERD_ROOTLESS_ROOTLESSKIT_FLAGS'
  );
}
