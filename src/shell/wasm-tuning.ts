/**
 * V8 tuning for the tree-sitter grammar, chosen by the program (the CLI), never imposed on a host process
 * that uses docksec as a library. The bash grammar is a large WASM module; V8's optimising tier recompiles
 * all of it in the background, which costs more than it saves on a few thousand scripts and delays exit
 * by about a second. The CLI asks for the baseline compiler only; the flag is set right before the grammar
 * is compiled, so runs that never need tree-sitter never load `node:v8` at all.
 */
import { setV8Flags } from '../core/v8-flags.js';

let baselineOnly = false;

export function preferBaselineWasmCompiler(): void {
  baselineOnly = true;
}

export async function applyWasmTuning(): Promise<void> {
  if (baselineOnly) await setV8Flags('--liftoff-only');
}
