/** Reading Dockerfile inputs: files and standard input, with a size bound and BOM-aware decoding. */
import { readFileSync, statSync } from 'node:fs';
import type { Position } from '../core/finding.js';

/** Inputs larger than this are refused: no real Dockerfile comes close, and memory must stay bounded. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Decodes file bytes: UTF-8 by default, UTF-16 when a byte-order mark says so. */
export function decodeDockerfile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return utf8.decode(bytes);
}

// Stateless between calls (no `stream: true`), so one decoder of each kind serves every file.
const utf8 = new TextDecoder('utf-8');
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decoded text plus, when the bytes were not valid UTF-8, where the first bad byte is. */
export interface DecodedDockerfile {
  text: string;
  /** 1-based line and column (in the decoded text, BOM excluded) of the first invalid UTF-8 byte. */
  invalidUtf8?: Position;
}

/** `decodeDockerfile` that also locates invalid UTF-8 (checked in the same pass for valid files). */
export function decodeDockerfileChecked(bytes: Uint8Array): DecodedDockerfile {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { text: decodeDockerfile(bytes) };
  try {
    return { text: strictUtf8.decode(bytes) };
  } catch {
    const text = utf8.decode(bytes); // invalid sequences become U+FFFD, the rest is still linted
    const offset = firstInvalidUtf8(bytes);
    return offset < 0 ? { text } : { text, invalidUtf8: positionOfByte(bytes, offset) };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i; // overlong, too large, surrogate
    i += need + 1;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const bom = lineStart === 0 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const before = utf8.decode(bytes.subarray(lineStart + bom, offset)).replace(/\r$/, '');
  return { line, column: before.length + 1 };
}

export async function readStdinText(): Promise<string> {
  return decodeDockerfile(await readStdinBytes());
}

async function readStdinBytes(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new Error(`input is larger than ${MAX_FILE_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads `path` (`-` is standard input). Errors carry Node's `code` (ENOENT, EACCES...). */
export async function readDockerfileText(path: string, readStdin: () => Promise<string> = readStdinText): Promise<string> {
  return (await readDockerfile(path, readStdin)).text;
}

/** `readDockerfileText`, also locating invalid UTF-8 (not for a custom `readStdin`, which yields text). */
export async function readDockerfile(path: string, readStdin?: () => Promise<string>): Promise<DecodedDockerfile> {
  if (path === '-') return readStdin ? { text: await readStdin() } : decodeDockerfileChecked(await readStdinBytes());
  // stat before any open: opening a FIFO, even without blocking, would let a waiting writer write into a
  // pipe that is then closed again, and the real read afterwards would wait forever.
  const info = statSync(path);
  if (info.isDirectory()) throw new Error('is a directory');
  if (info.size > MAX_FILE_BYTES) throw new Error(`file is larger than ${MAX_FILE_BYTES} bytes`);
  // A regular file cannot block, and reading it synchronously skips the thread-pool round trips of the
  // promise API (open, fstat, read, close): several times faster over a directory of small files.
  // Anything else (a FIFO, /dev/stdin) is read asynchronously so that it cannot freeze the process.
  if (info.isFile()) return decodeDockerfileChecked(readFileSync(path));
  // Loaded here: node:fs/promises costs a one-file run a few milliseconds, and this path is rare.
  const { readFile } = await import('node:fs/promises');
  return decodeDockerfileChecked(await readFile(path));
}

/** A one-line reason for a read error. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
