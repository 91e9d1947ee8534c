/** Worker thread of `lintFilesParallel`: lints the chunks of paths it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintConfig } from './config.js';
import { lintFiles, type LintFilesOptions } from './linter.js';
import type { ChunkMessage } from './parallel.js';

const { config, options } = workerData as { config: LintConfig; options: LintFilesOptions };

parentPort?.on('message', (message: { index: number; paths: string[] }) => {
  lintFiles(message.paths, config, options).then(
    (result) => parentPort?.postMessage({ index: message.index, result } satisfies ChunkMessage),
    (error: unknown) =>
      parentPort?.postMessage({ index: message.index, error: error instanceof Error ? error.message : String(error) } satisfies ChunkMessage),
  );
});
