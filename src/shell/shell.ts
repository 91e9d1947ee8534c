/**
 * The shell model: tree-sitter-bash (WASM) turns RUN/CMD/... text into a flat list of simple commands,
 * the model every command-based rule reads (see `types.ts` and the Hadolint notes, section 0.1).
 *
 * `await initShell()` once, then `parseShell()` is synchronous. One parser is reused for every script.
 */
import { createRequire } from 'node:module';
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import type { Position, Span } from '../core/finding.js';
import type { ShellCommand, ShellScript, ShellWord } from './types.js';

/** How to find the two WASM files; a browser build passes URLs or bytes instead of the Node defaults. */
export interface ShellLoaderOptions {
  /** The tree-sitter-bash grammar: a file path / URL string, or the bytes. */
  bashWasm?: string | Uint8Array;
  /** Where web-tree-sitter finds its own `tree-sitter.wasm` (passed to Emscripten's `locateFile`). */
  locateTreeSitterWasm?: (fileName: string, scriptDirectory: string) => string;
}

/** Scripts longer than this are cut here and reported with `ok: false` (hostile input must stay cheap). */
export const MAX_SCRIPT_LENGTH = 1024 * 1024;
/** Above this size parsing gets a wall-clock budget; below it the check would only cost time. */
const BUDGET_THRESHOLD = 64 * 1024;
// Generous: only there to stop pathological input; a cancelled parse yields no commands.
const PARSE_BUDGET_MS = 10_000;

let parser: Parser | null = null;
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
  await Parser.init(options.locateTreeSitterWasm ? { locateFile: options.locateTreeSitterWasm } : undefined);
  const grammar =
    options.bashWasm ?? createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
  const language = await Language.load(grammar);
  const created = new Parser();
  created.setLanguage(language);
  parser = created;
}

/** True once `initShell()` has finished. */
export function isShellReady(): boolean {
  return parser !== null;
}

/** Maps an offset in the script to a 1-based position in the Dockerfile. */
export type PositionMapper = (offset: number) => Position;

/** A command with its offsets in the parsed script (used by the lint model to place heredoc markers). */
export interface LocatedCommand {
  command: ShellCommand;
  start: number;
  end: number;
  /** Offset range of the name word (the word that names the command, before unwrapping). */
  nameStart: number;
  nameEnd: number;
}

export interface DetailedShellScript {
  script: ShellScript;
  located: LocatedCommand[];
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
  if (!parser) throw new Error('shell parser not initialised: call `await initShell()` first');
  let text = script;
  let truncated = false;
  if (text.length > MAX_SCRIPT_LENGTH) {
    text = text.slice(0, MAX_SCRIPT_LENGTH);
    truncated = true;
  }
  let tree: Tree | null;
  if (text.length > BUDGET_THRESHOLD) {
    const deadline = performance.now() + PARSE_BUDGET_MS;
    tree = parser.parse(text, null, { progressCallback: () => performance.now() > deadline });
    parser.reset();
  } else {
    tree = parser.parse(text);
  }
  if (!tree) return { script: { commands: [], hasPipe: false, ok: false }, located: [] };
  try {
    const extractor = new Extractor(text, mapPosition ?? scriptPositionMapper(text));
    extractor.run(tree.rootNode);
    return {
      script: { commands: extractor.located.map((l) => l.command), hasPipe: extractor.hasPipe, ok: !truncated && !tree.rootNode.hasError },
      located: extractor.located,
    };
  } finally {
    tree.delete();
  }
}

/** Positions relative to the script itself (line 1, column 1 = first character). */
export function scriptPositionMapper(text: string): PositionMapper {
  let lineStarts: number[] | null = null;
  return (offset) => {
    if (!lineStarts) {
      lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    }
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low]! + 1 };
  };
}

/** Node types that hold a simple command. */
const COMMAND_TYPES = new Set(['command', 'declaration_command', 'unset_command']);
/** Node types whose value is opaque at lint time. */
const SUBSTITUTION_TYPES = new Set(['command_substitution', 'arithmetic_expansion', 'process_substitution']);
const EXPANSION_TYPES = new Set(['simple_expansion', 'expansion', ...SUBSTITUTION_TYPES]);
/** Wrappers that run their first non-flag argument (ShellCheck's notion of the effective command). */
const TRANSPARENT_WRAPPERS = new Set(['command', 'builtin', 'busybox', 'run']);

interface WordValue {
  value: string;
  dynamic: boolean;
}

class Extractor {
  readonly located: LocatedCommand[] = [];
  hasPipe = false;

  constructor(
    private readonly text: string,
    private readonly map: PositionMapper,
  ) {}

  /** Pre-order walk with a cursor (cheaper than materialising Node objects for every node). */
  run(root: Node): void {
    const cursor = root.walk();
    try {
      for (;;) {
        const type = cursor.nodeType;
        if (COMMAND_TYPES.has(type)) this.command(cursor.currentNode);
        else if (type === 'pipeline') this.hasPipe = true;
        else if (type === 'redirected_statement') this.noteStrayArguments(cursor.currentNode);
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
      }
    } finally {
      cursor.delete();
    }
  }

  /**
   * tree-sitter reads `cmd >out arg` as a redirect with two destinations, but bash passes `arg` to cmd.
   * Noted here, keyed by the command's offset, because `Node.parent` costs O(depth) per call.
   */
  private noteStrayArguments(statement: Node): void {
    const body = statement.childForFieldName('body');
    if (!body || body.type !== 'command') return;
    const extras: Node[] = [];
    for (const redirect of statement.childrenForFieldName('redirect')) {
      if (!redirect || redirect.type !== 'file_redirect') continue;
      const destinations = redirect.childrenForFieldName('destination');
      for (let i = 1; i < destinations.length; i++) {
        const extra = destinations[i];
        if (extra) extras.push(extra);
      }
    }
    if (extras.length > 0) this.strayArguments.set(body.startIndex, extras);
  }

  private readonly strayArguments = new Map<number, Node[]>();

  private command(node: Node): void {
    const assignments: string[] = [];
    const words: Array<{ node: Node; value: WordValue }> = [];
    let keyword: string | null = null;
    if (node.type === 'command') {
      let seenName = false;
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'command_name') {
          seenName = true;
          const inner = child.firstNamedChild ?? child;
          words.push({ node: child, value: this.wordValue(inner) });
        } else if (!seenName && child.type === 'variable_assignment') {
          assignments.push(this.wordValue(child).value);
        } else if (seenName && !isRedirect(child.type) && child.type !== 'comment') {
          words.push({ node: child, value: this.wordValue(child) });
        }
      }
      const stray = this.strayArguments.get(node.startIndex);
      if (stray && words.length > 0) {
        for (const extra of stray) words.push({ node: extra, value: this.wordValue(extra) });
        words.sort((a, b) => a.node.startIndex - b.node.startIndex);
      }
    } else {
      // `export`, `declare`, `local`, `readonly`, `typeset`, `unset`, `unsetenv`: the keyword is anonymous.
      const first = node.firstChild;
      if (!first) return;
      keyword = this.text.slice(first.startIndex, first.endIndex);
      for (const child of node.namedChildren) {
        if (!child || isRedirect(child.type) || child.type === 'comment') continue;
        words.push({ node: child, value: this.wordValue(child) });
      }
    }

    let nameNode: Node;
    let nameValue: WordValue;
    let argWords: Array<{ node: Node; value: WordValue }>;
    if (keyword !== null) {
      nameNode = node.firstChild!;
      nameValue = { value: keyword, dynamic: false };
      argWords = words;
    } else {
      if (words.length === 0) return; // assignments only
      nameNode = words[0]!.node;
      nameValue = words[0]!.value;
      argWords = words.slice(1);
    }
    if (nameValue.dynamic) return; // `$PM install`: the command is unknown

    let name = nameValue.value;
    const effective = effectiveCommand(name, argWords.map((w) => w.value));
    if (effective) {
      if (effective.dynamic) return;
      name = effective.value;
    }

    const shellWords = argWords.map((w) => this.shellWord(w.node, w.value));
    const args = shellWords.map((w) => w.value);
    // Arguments tree-sitter left in a redirect (`echo >x foo`) can end after the command node.
    const lastWord = argWords[argWords.length - 1];
    const end = Math.max(node.endIndex, lastWord ? lastWord.node.endIndex : 0);
    this.located.push({
      command: { name, args, words: shellWords, assignments, flags: deriveFlags(args), span: this.span(node.startIndex, end) },
      start: node.startIndex,
      end,
      nameStart: nameNode.startIndex,
      nameEnd: nameNode.endIndex,
    });
  }

  private shellWord(node: Node, value: WordValue): ShellWord {
    return {
      value: value.value,
      raw: this.text.slice(node.startIndex, node.endIndex),
      span: this.span(node.startIndex, node.endIndex),
      dynamic: value.dynamic,
    };
  }

  private span(start: number, end: number): Span {
    // Error recovery can stretch a node over the newline that ends it; a span stops at the last visible character.
    while (end > start && isSpace(this.text.charCodeAt(end - 1))) end--;
    const startPos = this.map(start);
    if (end <= start) return { start: startPos, end: { ...startPos } };
    // Map the last character, not the offset after it: that offset may already sit on a continuation line.
    const last = this.map(end - 1);
    return { start: startPos, end: { line: last.line, column: last.column + 1 } };
  }

  /** Quote removal and expansion normalisation for one word-like node. */
  private wordValue(node: Node): WordValue {
    const raw = this.text.slice(node.startIndex, node.endIndex);
    switch (node.type) {
      case 'word':
        return { value: unescapeUnquoted(raw), dynamic: false };
      case 'number':
      case 'variable_name':
      case 'brace_expression':
      case 'extglob_pattern':
      case 'regex':
      case 'array':
      case 'test_operator':
        return { value: raw, dynamic: false };
      case 'raw_string':
        return { value: raw.slice(1, -1), dynamic: false };
      case 'ansi_c_string':
        return { value: decodeAnsiC(raw.slice(2, -1)), dynamic: false };
      case 'simple_expansion':
        return { value: '${' + raw.slice(1) + '}', dynamic: true };
      case 'expansion': {
        let variable: string | null = null;
        for (const child of node.namedChildren) {
          if (child && (child.type === 'variable_name' || child.type === 'special_variable_name')) {
            variable = this.text.slice(child.startIndex, child.endIndex);
            break;
          }
        }
        return { value: '${' + (variable ?? 'VAR') + '}', dynamic: true };
      }
      case 'command_substitution':
      case 'arithmetic_expansion':
      case 'process_substitution':
        return { value: '${VAR}', dynamic: true };
      case 'string':
        return this.composite(node, raw.startsWith('"') ? 1 : 0, raw.endsWith('"') && raw.length > 1 ? 1 : 0, true);
      case 'translated_string':
        return this.composite(node, 2, raw.endsWith('"') && raw.length > 2 ? 1 : 0, true);
      case 'concatenation':
        return this.composite(node, 0, 0, false);
      case 'variable_assignment': {
        const nameNode = node.childForFieldName('name');
        const valueNode = node.childForFieldName('value');
        const name = nameNode ? this.text.slice(nameNode.startIndex, nameNode.endIndex) : '';
        const operator = this.text.slice(nameNode ? nameNode.endIndex : node.startIndex, valueNode ? valueNode.startIndex : node.endIndex);
        const value = valueNode ? this.wordValue(valueNode) : { value: '', dynamic: false };
        return { value: name + operator + value.value, dynamic: value.dynamic };
      }
      default:
        return { value: raw, dynamic: containsExpansion(node) };
    }
  }

  /** A word made of pieces: literal gaps are unescaped, named pieces are replaced by their values. */
  private composite(node: Node, openLength: number, closeLength: number, quoted: boolean): WordValue {
    const start = node.startIndex + openLength;
    const end = Math.max(start, node.endIndex - closeLength);
    let value = '';
    let dynamic = false;
    let cursor = start;
    for (const child of node.namedChildren) {
      if (!child) continue;
      const childStart = Math.max(child.startIndex, cursor);
      const childEnd = Math.min(child.endIndex, end);
      if (childEnd <= childStart) continue;
      if (quoted && child.type === 'string_content') continue; // unescaped with the gaps
      if (childStart > cursor) value += unescapePiece(this.text.slice(cursor, childStart), quoted);
      const piece = this.wordValue(child);
      value += piece.value;
      dynamic ||= piece.dynamic;
      cursor = childEnd;
    }
    if (end > cursor) value += unescapePiece(this.text.slice(cursor, end), quoted);
    return { value, dynamic };
  }
}

function isSpace(code: number): boolean {
  return code === 10 || code === 32 || code === 9 || code === 13;
}

function isRedirect(type: string): boolean {
  return type === 'file_redirect' || type === 'heredoc_redirect' || type === 'herestring_redirect';
}

function containsExpansion(node: Node): boolean {
  if (EXPANSION_TYPES.has(node.type)) return true;
  for (const child of node.namedChildren) if (child && containsExpansion(child)) return true;
  return false;
}

function unescapePiece(text: string, quoted: boolean): string {
  return quoted ? unescapeDoubleQuoted(text) : unescapeUnquoted(text);
}

/** Outside quotes a backslash keeps the next character literally; backslash-newline disappears. */
function unescapeUnquoted(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\s\S]?)/g, (_, next: string) => (next === '\n' ? '' : next));
}

/** Inside double quotes a backslash only escapes `$`, `` ` ``, `"`, `\` and newline. */
function unescapeDoubleQuoted(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\s\S]?)/g, (whole, next: string) =>
    next === '\n' ? '' : '$`"\\'.includes(next) && next !== '' ? next : whole,
  );
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

function decodeAnsiC(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[\s\S]?)/g, (whole, escape: string) => {
    if (escape.startsWith('x') && escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8) & 0xff);
    return ANSI_C_ESCAPES[escape] ?? whole;
  });
}

/**
 * `command X`, `builtin X`, `busybox X` (and bats' `run X`) name `X` when X is not a flag; `exec` skips
 * its own options (`-c`, `-l`, `-a NAME`). Returns null when the name stays as written.
 */
function effectiveCommand(name: string, args: WordValue[]): WordValue | null {
  if (TRANSPARENT_WRAPPERS.has(name)) {
    const first = args[0];
    if (!first || first.value.startsWith('-')) return null;
    return first;
  }
  if (name === 'exec') {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!.value;
      if (arg === '--') return args[i + 1] ?? null;
      if (!arg.startsWith('-') || arg === '-') return args[i]!;
      const letters = arg.slice(1);
      if (!/^[cla]+$/.test(letters)) return null; // an option exec does not know: keep `exec`
      const aAt = letters.indexOf('a');
      if (aAt !== -1 && aAt === letters.length - 1) i++; // `-a NAME`
    }
    return null;
  }
  return null;
}

/** Flags as Hadolint derives them from argument values. */
export function deriveFlags(args: readonly string[]): string[] {
  const flags: string[] = [];
  for (const arg of args) {
    if (arg === '-' || arg === '--' || !arg.startsWith('-')) continue;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      flags.push(eq === -1 ? arg.slice(2) : arg.slice(2, eq));
    } else {
      for (const letter of arg.slice(1)) flags.push(letter);
    }
  }
  return flags;
}
