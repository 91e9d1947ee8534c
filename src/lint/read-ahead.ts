/**
 * Reading ahead for large runs (`docksec lint DIR`): a helper thread opens and reads the next files while
 * this thread lints, so the ~0.1 ms of system calls per file (open, fstat, read, close) leave the linting
 * thread. No waiting either way: this thread polls for what has arrived (`receiveMessageOnPort`, no event
 * loop turn) and reads a file itself when the helper has not got to it yet; the helper then skips it.
 * Output and errors are the same as reading every file here: anything but a readable regular file is
 * left to `readDockerfile`.
 */
import { MAX_FILE_BYTES } from './input.js';
import type { ReadItem } from './read-worker.js';

/** Below this many files the helper thread's start-up is not repaid. */
export const READ_AHEAD_MIN_FILES = 64;

/**
 * Below this many cores the helper is not started by default: on 2 vCPUs the second core is already busy
 * with V8's garbage collector and optimising compiler, and a 1,200-file run took ~2% longer wall time and
 * ~10% more CPU with the helper than without (docs/performance.md, round 5).
 */
export const READ_AHEAD_MIN_CORES = 3;

export interface ReadAhead {
  /** The bytes of file `index` if the helper has read it, else null (read it yourself). Call in order. */
  take(index: number): Uint8Array | null;
  /** True once the helper thread has ended (read everything, failed or was stopped). */
  ended(): boolean;
  stop(): void;
}

/**
 * A helper for reading `paths` ahead, or null when it would not pay: few files, standard input among them,
 * or (unless `anyCores`) fewer than READ_AHEAD_MIN_CORES cores.
 */
export async function startReadAhead(paths: readonly string[], { anyCores = false } = {}): Promise<ReadAhead | null> {
  if (paths.length < READ_AHEAD_MIN_FILES || paths.includes('-')) return null;
  let threads: typeof import('node:worker_threads');
  try {
    if (!anyCores && (await import('node:os')).availableParallelism() < READ_AHEAD_MIN_CORES) return null;
    threads = await import('node:worker_threads');
  } catch {
    return null;
  }
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new threads.MessageChannel();
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new threads.Worker(new URL('./read-worker.js', import.meta.url), {
      workerData: { paths: [...paths], progress, port: port2, maxBytes: MAX_FILE_BYTES },
      transferList: [port2],
      stdout: true, // nothing of the helper's may reach the report
      stderr: true,
    });
  } catch {
    port1.close();
    return null;
  }
  // A helper that fails (its file missing, say) only means every file is read here, as without it.
  worker.on('error', () => undefined);
  let ended = false;
  worker.once('exit', () => {
    ended = true;
  });
  worker.unref();
  const ready = new Map<number, Uint8Array | null>();
  return {
    take(index) {
      Atomics.store(progress, 0, index + 1);
      for (let message = threads.receiveMessageOnPort(port1); message; message = threads.receiveMessageOnPort(port1)) {
        for (const item of message.message as ReadItem[]) if (item.index >= index) ready.set(item.index, item.bytes);
      }
      const bytes = ready.get(index) ?? null;
      ready.delete(index);
      return bytes;
    },
    ended: () => ended,
    stop() {
      port1.close();
      void worker.terminate();
    },
  };
}
