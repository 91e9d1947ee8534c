/**
 * Read-only access to host files under a root (`/`, `/proc/1/root`, or a --host-root copy). Paths are
 * always host paths; symlinks are resolved inside the root, so an absolute link in a copied tree never
 * escapes to the auditor's own files. Nothing here writes.
 */
import { lstat, readlink, readdir, stat, open } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { posix } from 'node:path';
import type { FileEvidence, Sourced } from '../snapshot.js';

/** Content larger than this is cut (and marked truncated): hostile or runaway files stay bounded. */
export const MAX_CONTENT_BYTES = 1024 * 1024;
const MAX_SYMLINK_HOPS = 40;

/** `ENOENT` → "no such file", `EACCES` → "permission denied", with the code kept for machines. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOTDIR':
      return 'a parent is not a directory (ENOTDIR)';
    case 'ELOOP':
      return 'too many symlinks (ELOOP)';
    default:
      return code ? `${code}: ${(error as Error).message}` : String((error as Error)?.message ?? error);
  }
}

export function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function fileType(stats: Stats): NonNullable<FileEvidence['type']> {
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'dir';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

export class HostFs {
  constructor(readonly root: string) {}

  /** The on-disk path of host path `path`. */
  local(path: string): string {
    const normalized = posix.normalize(path.startsWith('/') ? path : `/${path}`);
    return this.root === '/' ? normalized : posix.join(this.root, normalized);
  }

  /** Resolves symlinks of `path` inside the root; returns the host path, or throws the fs error. */
  async realpath(path: string): Promise<string> {
    let pending = posix.normalize(path).split('/').filter((part) => part !== '' && part !== '.');
    const resolved: string[] = [];
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '..') {
        resolved.pop();
        continue;
      }
      const candidate = `/${[...resolved, part].join('/')}`;
      const stats = await lstat(this.local(candidate));
      if (stats.isSymbolicLink()) {
        if (++hops > MAX_SYMLINK_HOPS) throw Object.assign(new Error(`too many symlinks at ${path}`), { code: 'ELOOP' });
        const target = await readlink(this.local(candidate));
        if (target.startsWith('/')) resolved.length = 0;
        pending = [...target.split('/').filter((p) => p !== '' && p !== '.'), ...pending];
        continue;
      }
      resolved.push(part);
    }
    return `/${resolved.join('/')}`;
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(this.local(path));
      return true;
    } catch {
      return false;
    }
  }

  async readText(path: string, maxBytes = MAX_CONTENT_BYTES): Promise<Sourced<string>> {
    try {
      return { ok: true, value: await readBounded(this.local(path), maxBytes) };
    } catch (error) {
      return { ok: false, reason: `${path}: ${describeFsError(error)}` };
    }
  }

  async list(path: string): Promise<Sourced<string[]>> {
    try {
      return { ok: true, value: (await readdir(this.local(path))).sort() };
    } catch (error) {
      return { ok: false, reason: `${path}: ${describeFsError(error)}` };
    }
  }

  /**
   * Examines `path` (lstat, symlink resolution, optional content). Never throws: a missing file is
   * `exists:false`; any other failure sets `error` (then `exists` is not reliable).
   */
  async examine(path: string, withContent = false): Promise<FileEvidence> {
    const evidence: FileEvidence = { path, exists: false };
    let stats: Stats;
    try {
      stats = await lstat(this.local(path));
    } catch (error) {
      if (!isNotFound(error)) evidence.error = describeFsError(error);
      return evidence;
    }
    evidence.exists = true;
    evidence.mode = stats.mode & 0o7777;
    evidence.uid = stats.uid;
    evidence.gid = stats.gid;
    evidence.type = fileType(stats);
    evidence.mtimeMs = Math.trunc(stats.mtimeMs);
    evidence.dev = stats.dev;
    evidence.ino = stats.ino;
    try {
      const real = await this.realpath(path);
      if (real !== posix.normalize(path)) evidence.realPath = real;
    } catch (error) {
      // A dangling link: record why the target cannot be followed.
      if (evidence.type === 'symlink') evidence.error = `symlink target: ${describeFsError(error)}`;
    }
    if (withContent && (evidence.type === 'file' || (evidence.type === 'symlink' && evidence.realPath !== undefined))) {
      const target = evidence.realPath ?? path;
      try {
        const text = await readBounded(this.local(target), MAX_CONTENT_BYTES + 1);
        if (text.length > MAX_CONTENT_BYTES) {
          evidence.content = text.slice(0, MAX_CONTENT_BYTES);
          evidence.truncated = true;
        } else {
          evidence.content = text;
        }
      } catch (error) {
        evidence.error = `cannot read content: ${describeFsError(error)}`;
      }
    }
    return evidence;
  }
}

/** Reads at most `maxBytes` (never a whole huge or endless file such as a FIFO or /dev/zero). */
export async function readBounded(path: string, maxBytes = MAX_CONTENT_BYTES): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'EINVAL' });
    const buffer = Buffer.alloc(Math.min(maxBytes, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < maxBytes) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, maxBytes - total), null);
      if (bytesRead === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      total += bytesRead;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await handle.close();
  }
}

