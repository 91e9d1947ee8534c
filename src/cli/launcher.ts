/**
 * The program `bin` runs: dist/bundle/docksec.cjs, bundled from this file as CommonJS. `docksec lint`
 * goes straight to lint.cjs and its V8 code cache (code-cache.ts) without Node's ES module loader, whose
 * start-up (and the ES facade it builds for node:fs, which loads the stream modules) is a measurable
 * part of a one-file run. Every other command, and lint when lint.cjs is missing, runs the ES bundle's
 * `main` (docksec.mjs), which also remains runnable by itself.
 */
import { loadBundledCommand } from './code-cache.js';
import { reportError } from './errors.js';
import type { CommandModule } from './main.js';

/** Set before docksec.mjs is imported, so that it does not start `main` a second time on import. */
export const LAUNCHED = Symbol.for('docksec.launcher');

function setExitCode(status: number): void {
  process.exitCode = status;
}

function runEsMain(argv: readonly string[]): void {
  (globalThis as Record<symbol, unknown>)[LAUNCHED] = true;
  // import() of the ES bundle next to this file (esbuild keeps import() of an external path as is).
  import('./docksec.mjs' as string)
    .then((entry: { runMain(argv: readonly string[]): Promise<number> }) => entry.runMain(argv))
    .then(setExitCode, (error: unknown) => setExitCode(reportError(error)));
}

const argv = process.argv.slice(2);
let lint: CommandModule | null = null;
if (argv[0] === 'lint') {
  try {
    lint = loadBundledCommand<CommandModule>('lint', import.meta.url, (specifier) => import(specifier));
  } catch (error) {
    setExitCode(reportError(error));
  }
}
if (lint) lint.run(argv.slice(1)).then(setExitCode, (error: unknown) => setExitCode(reportError(error)));
else if (process.exitCode === undefined) runEsMain(argv);
