/** Reading Dockerfile inputs: files and standard input, with a size bound and BOM-aware decoding. */
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Inputs larger than this are refused: no real Dockerfile comes close, and memory must stay bounded. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Decodes file bytes: UTF-8 by default, UTF-16 when a byte-order mark says so. */
export function decodeDockerfile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return utf8.decode(bytes);
}

// Stateless between calls (no `stream: true`), so one decoder serves every file.
const utf8 = new TextDecoder('utf-8');

export async function readStdinText(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new Error(`input is larger than ${MAX_FILE_BYTES} bytes`);
    chunks.push(chunk);
  }
  return decodeDockerfile(Buffer.concat(chunks));
}

/** Reads `path` (`-` is standard input). Errors carry Node's `code` (ENOENT, EACCES...). */
export async function readDockerfileText(path: string, readStdin: () => Promise<string> = readStdinText): Promise<string> {
  if (path === '-') return readStdin();
  const info = statSync(path);
  if (info.isDirectory()) throw new Error('is a directory');
  if (info.size > MAX_FILE_BYTES) throw new Error(`file is larger than ${MAX_FILE_BYTES} bytes`);
  // A regular file cannot block, and reading it synchronously skips the thread-pool round trips of the
  // promise API (open, fstat, read, close): several times faster over a directory of small files.
  // Anything else (a FIFO, /dev/stdin) is read asynchronously so that it cannot freeze the process.
  if (info.isFile()) return decodeDockerfile(readFileSync(path));
  return decodeDockerfile(await readFile(path));
}

/** A one-line reason for a read error. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
