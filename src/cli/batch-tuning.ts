/**
 * V8 tuning for large lint runs (`docksec lint DIR`), chosen by the CLI, never imposed on a host process that
 * uses docksec as a library.
 *
 * A run over a thousand Dockerfiles is over in about a second, so most of it executes code that V8 has not
 * optimised yet, and the optimising compiler (sharing the second core with the garbage collector on
 * small machines) spends its time copying small helpers into each of their callers.
 * Without that inlining, functions are optimised sooner and at a fraction of the compile cost: on a 2-vCPU
 * VM, 1,200 files took 0.99 s instead of 1.12 s (and 13% less CPU), 6,000 files 2.23 s instead of 2.56 s
 * (docs/performance.md; lower inlining limits measured in between). The flag is set after lint.cjs is
 * compiled, so its build-time code cache, made under the default flags, is still accepted, and before any
 * linting code has run; one-file runs never load `node:v8` at all.
 */
import { setV8Flags } from '../core/v8-flags.js';

/** Below this many files the run is too short for the optimising compiler to matter. */
export const BATCH_TUNING_MIN_FILES = 64;

const BATCH_V8_FLAGS = '--no-turbo-inlining';

export async function tuneForBatch(fileCount: number): Promise<void> {
  if (fileCount >= BATCH_TUNING_MIN_FILES) await setV8Flags(BATCH_V8_FLAGS);
}
