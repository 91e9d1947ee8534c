/**
 * The shell model: RUN/CMD/... text into a flat list of simple commands, the model every command-based
 * rule reads (see `types.ts` and the Hadolint notes, section 0.1).
 *
 * Two parsers give the same model: a hand-written single-pass parser for the common subset of scripts
 * (`fast-shell.ts`, no start-up cost) and tree-sitter-bash in WASM (`tree-sitter-shell.ts`, exact and
 * error-tolerant, ~50 ms to load) for every script the fast path declines. `parseShell()` is synchronous:
 * it throws `ShellNotReadyError` for a script that needs tree-sitter before `await initShell()` finished.
 * Callers that cannot know in advance (the linter) try first and await `initShell()` only on that error.
 */
import type { Parser } from 'web-tree-sitter';
import { type DetailedShellScript, type PositionMapper } from './common.js';
import { parseShellFast } from './fast-shell.js';

export { parseShellFast };
import type { ShellScript } from './types.js';

export {
  deriveFlags,
  MAX_SCRIPT_LENGTH,
  scriptPositionMapper,
  type DetailedShellScript,
  type LocatedCommand,
  type PositionMapper,
} from './common.js';

/** How to find the two WASM files; a browser build passes URLs or bytes instead of the Node defaults. */
export interface ShellLoaderOptions {
  /** The tree-sitter-bash grammar: a file path / URL string, or the bytes. */
  bashWasm?: string | Uint8Array;
  /** Where web-tree-sitter finds its own `tree-sitter.wasm` (passed to Emscripten's `locateFile`). */
  locateTreeSitterWasm?: (fileName: string, scriptDirectory: string) => string;
}

/** A script needs the tree-sitter parser, which is not loaded yet: `await initShell()` and retry. */
export class ShellNotReadyError extends Error {
  constructor() {
    super('shell parser not initialised: call `await initShell()` first');
    this.name = 'ShellNotReadyError';
  }
}

interface TreeSitterShell {
  parser: Parser;
  parse: typeof import('./tree-sitter-shell.js').parseWithTreeSitter;
}

let treeSitter: TreeSitterShell | null = null;
let initPromise: Promise<void> | null = null;

/** Loads tree-sitter and the bash grammar once; later calls return the same promise. */
export function initShell(options: ShellLoaderOptions = {}): Promise<void> {
  if (!initPromise) {
    initPromise = load(options).catch((error: unknown) => {
      initPromise = null; // allow a retry with other options
      throw error;
    });
  }
  return initPromise;
}

async function load(options: ShellLoaderOptions): Promise<void> {
  // Imported here, not at the top: most runs never need the WASM parser (start-up time).
  const module = await import('./tree-sitter-shell.js');
  const parser = await module.createTreeSitterParser(options);
  treeSitter = { parser, parse: module.parseWithTreeSitter };
}

/** True once `initShell()` has finished (tree-sitter loaded). */
export function isShellReady(): boolean {
  return treeSitter !== null;
}

/**
 * Parses a shell script into its simple commands. Without `mapPosition`, positions are 1-based
 * line/column within the script itself.
 */
export function parseShell(script: string, mapPosition?: PositionMapper): ShellScript {
  return parseShellDetailed(script, mapPosition).script;
}

/** `parseShell` plus the offsets of every command. */
export function parseShellDetailed(script: string, mapPosition?: PositionMapper): DetailedShellScript {
  return parseShellFast(script, mapPosition) ?? parseShellWithTreeSitter(script, mapPosition);
}

/** The tree-sitter path alone (tests compare it with the fast path). Throws before `initShell()`. */
export function parseShellWithTreeSitter(script: string, mapPosition?: PositionMapper): DetailedShellScript {
  if (!treeSitter) throw new ShellNotReadyError();
  return treeSitter.parse(treeSitter.parser, script, mapPosition);
}
