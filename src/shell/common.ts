/**
 * What both shell parsers share (the tree-sitter path in `tree-sitter-shell.ts` and the hand-written fast
 * path in `fast-shell.ts`): the located-command types, word-value normalisation, spans, flags. Both must
 * produce identical models, so every rule of the model lives here once.
 */
import type { Position, Span } from '../core/finding.js';
import type { ShellCommand, ShellScript, ShellWord } from './types.js';

/** Scripts longer than this are cut here and reported with `ok: false` (hostile input must stay cheap). */
export const MAX_SCRIPT_LENGTH = 1024 * 1024;

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

/** A word's value after quote removal and expansion normalisation. */
export interface WordValue {
  value: string;
  dynamic: boolean;
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

export function isSpace(code: number): boolean {
  return code === 10 || code === 32 || code === 9 || code === 13;
}

/** The span of `text[start, end)`, trailing whitespace excluded, through `map`. */
export function spanOf(text: string, map: PositionMapper, start: number, end: number): Span {
  // Error recovery can stretch a node over the newline that ends it; a span stops at the last visible character.
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const startPos = map(start);
  if (end <= start) return { start: startPos, end: { ...startPos } };
  // Map the last character, not the offset after it: that offset may already sit on a continuation line.
  const last = map(end - 1);
  return { start: startPos, end: { line: last.line, column: last.column + 1 } };
}

/*
 * Words and commands compute their `span` on first read: rules place only the few words and commands they
 * report, and building a span for every one of them was a large share of the parse's cost. The offsets stay
 * in private fields, so `JSON.stringify` (through `toJSON`) and `isDeepStrictEqual` see only the public
 * shape; `span` hands out a plain object, safe to copy into a finding.
 *
 * The two classes repeat the few lines of offsets and getter instead of sharing a base class: a word is made
 * for every argument, mostly in V8's interpreter and baseline tiers, where a base class doubles the calls
 * per object (derived and base constructor, each with its field initializer). The public fields are
 * `declare`d and set once in the constructor (a declared field would first be defined as undefined).
 */

/** A word whose `raw` text and `span` are computed on first read. */
export class LazyShellWord implements ShellWord {
  declare readonly value: string;
  declare readonly dynamic: boolean;
  readonly #text: string;
  readonly #map: PositionMapper;
  readonly #start: number;
  readonly #end: number;
  #span: Span | undefined;

  constructor(value: string, dynamic: boolean, text: string, map: PositionMapper, start: number, end: number) {
    this.value = value;
    this.dynamic = dynamic;
    this.#text = text;
    this.#map = map;
    this.#start = start;
    this.#end = end;
  }

  get raw(): string {
    return this.#text.slice(this.#start, this.#end);
  }

  get span(): Span {
    return (this.#span ??= spanOf(this.#text, this.#map, this.#start, this.#end));
  }

  toJSON(): ShellWord {
    return { value: this.value, raw: this.raw, span: this.span, dynamic: this.dynamic };
  }
}

/** A simple command whose `span` and `flags` are computed on first read. */
export class LazyShellCommand implements ShellCommand {
  declare readonly name: string;
  declare readonly args: string[];
  declare readonly words: ShellWord[];
  declare readonly assignments: string[];
  readonly #text: string;
  readonly #map: PositionMapper;
  readonly #start: number;
  readonly #end: number;
  #span: Span | undefined;
  #flags: string[] | undefined;

  constructor(
    name: string,
    args: string[],
    words: ShellWord[],
    assignments: string[],
    text: string,
    map: PositionMapper,
    start: number,
    end: number,
  ) {
    this.name = name;
    this.args = args;
    this.words = words;
    this.assignments = assignments;
    this.#text = text;
    this.#map = map;
    this.#start = start;
    this.#end = end;
  }

  get span(): Span {
    return (this.#span ??= spanOf(this.#text, this.#map, this.#start, this.#end));
  }

  get flags(): string[] {
    return (this.#flags ??= deriveFlags(this.args));
  }

  toJSON(): ShellCommand {
    return { name: this.name, args: this.args, words: this.words, assignments: this.assignments, flags: this.flags, span: this.span };
  }
}

/** Outside quotes a backslash keeps the next character literally; backslash-newline disappears. */
export function unescapeUnquoted(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\([\s\S]?)/g, (_, next: string) => (next === '\n' ? '' : next));
}

/** Inside double quotes a backslash only escapes `$`, `` ` ``, `"`, `\` and newline. */
export function unescapeDoubleQuoted(text: string): string {
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

/** The value of a `$'...'` string's inside. */
export function decodeAnsiC(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[\s\S]?)/g, (whole, escape: string) => {
    if (escape.startsWith('x') && escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8) & 0xff);
    return ANSI_C_ESCAPES[escape] ?? whole;
  });
}

/** Wrappers that run their first non-flag argument (ShellCheck's notion of the effective command). */
const TRANSPARENT_WRAPPERS = new Set(['command', 'builtin', 'busybox', 'run']);

/**
 * `command X`, `builtin X`, `busybox X` (and bats' `run X`) name `X` when X is not a flag; `exec` skips
 * its own options (`-c`, `-l`, `-a NAME`). Returns null when the name stays as written.
 */
export function effectiveCommand(name: string, args: readonly WordValue[]): WordValue | null {
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
  // (an index loop: no iterator per call on a cold first pass)
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '-' || arg === '--' || !arg.startsWith('-')) continue;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      flags.push(eq === -1 ? arg.slice(2) : arg.slice(2, eq));
    } else {
      for (let i = 1; i < arg.length; i++) flags.push(arg[i]!);
    }
  }
  return flags;
}
