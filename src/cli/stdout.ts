/**
 * Standard output for reports. Written synchronously through fd 1, not through `process.stdout`: the
 * stream (and the stream modules it loads) costs a one-file lint ~5 ms of its ~45, and a closed pipe
 * (`docksec lint -f json . | head`) must end the output quietly, not with an EPIPE stack trace.
 */
import { fstatSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';

/** True when standard output is a terminal (colours on). */
export function stdoutIsTerminal(): boolean {
  try {
    // Only a character device can be a terminal; node:tty (which loads node:net) only for those.
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return tty.isatty(1);
}

let closed = false;

/** Writes `text` to standard output; once the reader has gone (EPIPE), further output is dropped. */
export function writeStdout(text: string): void {
  if (closed || text === '') return;
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset, bytes.length - offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') closed = true;
    // A non-blocking pipe that is full: the stream waits for it to drain (and keeps the process alive).
    else if (code === 'EAGAIN') {
      process.stdout.on('error', () => undefined);
      process.stdout.write(bytes.subarray(offset));
    } else throw error;
  }
}
