/**
 * `lintFiles` spread over worker threads, for large inputs (`docksec lint DIR`). Still one process:
 * the main thread lints chunks itself while up to `cores - 1` workers (on 4+ cores) lint other chunks; results are
 * merged back in input order, so the output is identical to a sequential run.
 *
 * Falls back to plain `lintFiles` when parallelism cannot pay off or cannot be used: few files, one
 * core, standard input among the paths, custom rules, or a ShellCheck runner (which lives in this
 * thread and batches across files).
 */
import { availableParallelism } from 'node:os';
import type { LintConfig } from './config.js';
import { lintFiles, type LintFilesOptions, type LintFilesResult } from './linter.js';

/** Below this many files a worker's start-up (module loading, WASM init) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 48;
/** Files per work item: small enough to balance the threads, large enough to keep messages rare. */
const CHUNK_FILES = 24;
/** More workers than this only add start-up cost for a linter that is mostly CPU-bound. */
const MAX_WORKERS = 3;
/**
 * Below this many cores no workers are used by default: on 2 vCPUs a worker made a 1,200-file run ~15%
 * slower and cost ~35% more CPU (each thread loads the modules and the WASM grammar again, and the one
 * thread already keeps the second core busy with GC and background compilation). See docs/performance.md.
 */
const MIN_CORES_FOR_WORKERS = 4;

export interface ParallelLintOptions extends LintFilesOptions {
  /** Worker threads to use (default: none below 4 cores, else cores - 1, at most 3); 0 lints in this thread only. */
  workers?: number;
}

/** A chunk's result as it crosses the thread boundary. */
export interface ChunkMessage {
  index: number;
  result?: LintFilesResult;
  error?: string;
}

export function workerCount(fileCount: number, options: ParallelLintOptions): number {
  if (options.shellcheck || options.rules || options.readStdin) return 0;
  if (fileCount < MIN_FILES_FOR_WORKERS) return 0;
  const cores = availableParallelism();
  const wanted = options.workers ?? (cores >= MIN_CORES_FOR_WORKERS ? Math.min(MAX_WORKERS, cores - 1) : 0);
  return Math.max(0, Math.min(wanted, Math.ceil(fileCount / CHUNK_FILES) - 1));
}

export async function lintFilesParallel(
  paths: readonly string[],
  config: LintConfig,
  options: ParallelLintOptions = {},
): Promise<LintFilesResult> {
  const count = paths.includes('-') ? 0 : workerCount(paths.length, options);
  if (count === 0) return lintFiles(paths, config, options);
  // Loaded only when workers are used: a one-file run should not pay for node:worker_threads.
  const { Worker } = await import('node:worker_threads');

  const chunks: string[][] = [];
  for (let i = 0; i < paths.length; i += CHUNK_FILES) chunks.push(paths.slice(i, i + CHUNK_FILES));
  const results: Array<LintFilesResult | undefined> = new Array(chunks.length);
  const chunkOptions: LintFilesOptions = { keepSources: options.keepSources === true };
  let next = 0;
  const take = (): number | undefined => (next < chunks.length ? next++ : undefined);

  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      let current: number | undefined;
      const worker = new Worker(new URL('./parallel-worker.js', import.meta.url), {
        workerData: { config, options: chunkOptions },
        stdout: true, // nothing of the worker's may reach the report
        stderr: true,
      });
      const feed = (): void => {
        current = take();
        if (current === undefined) {
          void worker.terminate();
          return;
        }
        worker.postMessage({ index: current, paths: chunks[current] });
      };
      const giveUp = (): void => {
        // The chunk in flight is linted by the main thread instead (see the loop below).
        if (current !== undefined && results[current] === undefined) orphans.push(current);
        current = undefined;
        resolve();
      };
      worker.on('message', (message: ChunkMessage) => {
        if (message.result) results[message.index] = message.result;
        else orphans.push(message.index);
        feed();
      });
      worker.once('online', feed);
      worker.once('error', giveUp);
      worker.once('exit', giveUp);
    });

  const orphans: number[] = [];
  const workers = Array.from({ length: count }, runWorker);
  // The main thread works through the queue too; yielding between chunks lets worker messages in.
  for (let index = take(); index !== undefined; index = take()) {
    results[index] = await lintFiles(chunks[index]!, config, chunkOptions);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
  for (const index of orphans) {
    if (results[index] === undefined) results[index] = await lintFiles(chunks[index]!, config, chunkOptions);
  }

  const merged: LintFilesResult = { files: [], findings: [], errors: [], internalErrors: [], sources: new Map() };
  for (const part of results) {
    if (!part) continue; // cannot happen: every chunk is linted by a worker or, failing that, here
    merged.files.push(...part.files);
    for (const finding of part.findings) merged.findings.push(finding);
    merged.errors.push(...part.errors);
    merged.internalErrors.push(...part.internalErrors);
    for (const [file, text] of part.sources) merged.sources.set(file, text);
  }
  return merged;
}
