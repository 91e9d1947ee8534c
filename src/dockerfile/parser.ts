/**
 * docksec's Dockerfile parser, faithful to BuildKit (moby/buildkit frontend/dockerfile/parser):
 *
 * - parser directives (`syntax`, `escape`, `check`) only in the block at the top;
 * - continuation lines: the escape and the newline are removed and the next line is appended as is (its
 *   leading whitespace kept); whole-line comments and blank lines inside a continuation are dropped;
 * - heredocs for RUN/COPY/ADD (also as ONBUILD payloads), several per instruction, bodies in marker order;
 * - any `--flag` accepted on FROM/RUN/COPY/ADD/HEALTHCHECK (validating names is the linter's job).
 *
 * Hand-written scanner: one pass over lines, no regular expressions on user text except a linear CR fix-up,
 * slices instead of per-character concatenation. Problems are recorded per instruction and parsing goes on.
 */
import type { Position, Span } from '../core/finding.js';
import type {
  ArgDeclaration,
  ArgInstruction,
  Comment,
  CommandForm,
  CommandInstruction,
  CopyInstruction,
  Directives,
  Dockerfile,
  Flag,
  FromInstruction,
  GenericInstruction,
  HealthcheckInstruction,
  Heredoc,
  Instruction,
  KeyValue,
  KeyValueInstruction,
  OnbuildInstruction,
  SyntaxProblem,
} from './ast.js';
import { parseImageRef } from './substitution.js';

/** Instructions whose leading `--name[=value]` words are flags. */
const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
/** Instructions BuildKit reads heredocs for. */
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);
const SINGLE_STRING_KEYWORDS = new Set(['USER', 'WORKDIR', 'STOPSIGNAL', 'MAINTAINER']);
const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;
const KEYWORDS = new Map(
  [
    'FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'ENV', 'LABEL', 'ARG', 'HEALTHCHECK', 'ONBUILD',
    'EXPOSE', 'VOLUME', 'USER', 'WORKDIR', 'STOPSIGNAL', 'MAINTAINER',
  ].map((k) => [k, k]),
);

/**
 * Upper-case keywords by (first char, length, last char), which tells them all apart: the usual upper-case
 * spelling is recognised without slicing the keyword out of the line or hashing a fresh string.
 */
const KEYWORD_BY_SHAPE = new Map([...KEYWORDS.keys()].map((k) => [keywordShape(k.charCodeAt(0), k.length, k.charCodeAt(k.length - 1)), k]));

function keywordShape(first: number, length: number, last: number): number {
  return (first * 64 + length) * 128 + last;
}

/** The interned keyword when `t[start, end)` is a keyword written in upper case, else null. */
function upperCaseKeyword(t: string, start: number, end: number): string | null {
  // keywordShape, written out: one call less per instruction.
  const candidate = KEYWORD_BY_SHAPE.get((t.charCodeAt(start) * 64 + (end - start)) * 128 + t.charCodeAt(end - 1));
  return candidate !== undefined && t.startsWith(candidate, start) ? candidate : null;
}

/** Go's unicode.IsSpace, used where BuildKit trims. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/*
 * Runs of characters are found with sticky regular expressions where runs are usually several characters
 * long: in cold (interpreted or baseline) code a per-character loop costs several builtin calls per
 * character, the regex one call per run. SPACES is isSpace's set; BLANKS the ASCII blanks BuildKit splits
 * words on (reWhitespace, `[\t\v\f\r ]`); PLAIN_WORD_* stop at a space, a quote or the escape character,
 * after which a word needs the per-character rules.
 */
const SPACES = /[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/y;
const NON_SPACES = /[^\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/y;
const BLANKS = /[\t\v\f\r ]*/y;
const NON_BLANKS = /[^\t\v\f\r ]*/y;
const PLAIN_WORD_BACKSLASH = /[^"'\\\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/y;
const PLAIN_WORD_BACKTICK = /[^"'`\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/y;

/** Characters a JSON string holds as they are. */
const JSON_STRING_CHARS = /[^"\\\x00-\x1f]*/y;

/** At a line start: the line is blank or a whole-line comment (dropped inside a continuation). */
const BLANK_OR_COMMENT_LINE = /[\t\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*(?:#|\n|$)/y;

/** End of the run that the sticky `run` matches in `t` from `i`, at most `end`. */
function runEnd(run: RegExp, t: string, i: number, end: number): number {
  run.lastIndex = i;
  run.test(t);
  const j = run.lastIndex;
  return j < end ? j : end;
}

/**
 * One instruction's text with continuation lines joined. Each segment is a piece of one physical line;
 * positions are found by binary search over segment starts. Most instructions have one segment: that case
 * keeps scalars only, since big files hold hundreds of thousands of instructions.
 *
 * Fields are assigned in the constructor only (`declare`): a class field declaration costs an initializer
 * call and a define per field on every construction, which shows in cold code.
 */
class LogicalLine {
  declare readonly text: string;
  /** Line and column of joined offset 0. */
  declare private readonly line0: number;
  declare private readonly column0: number;
  /**
   * For several segments: the file's segment list, a flat list of (joined start, 1-based line, 1-based
   * column of the segment's first character) triples, and the index of this line's first and last triple.
   */
  declare private readonly segments: number[] | null;
  declare private readonly segFirst: number;
  declare private readonly segLast: number;
  /** 1-based line of the last physical line consumed, and its length: the instruction ends after it. */
  declare readonly lastLine: number;
  declare readonly lastLineLength: number;

  constructor(
    text: string,
    line0: number,
    column0: number,
    segments: number[] | null,
    segFirst: number,
    segLast: number,
    lastLine: number,
    lastLineLength: number,
  ) {
    this.text = text;
    this.line0 = line0;
    this.column0 = column0;
    this.segments = segments;
    this.segFirst = segFirst;
    this.segLast = segLast;
    this.lastLine = lastLine;
    this.lastLineLength = lastLineLength;
  }

  /** Index in `segments` of the triple of the segment holding joined offset `offset`. */
  private segmentOf(offset: number, segments: number[]): number {
    let lo = this.segFirst / 3;
    let hi = this.segLast / 3;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid * 3] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo * 3;
  }

  /** Position of the character at `offset` (or just past the text when offset === length). */
  pos(offset: number): Position {
    const o = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    const segments = this.segments;
    if (segments === null) return { line: this.line0, column: this.column0 + o };
    const k = this.segmentOf(o, segments);
    return { line: segments[k + 1], column: segments[k + 2] + (o - segments[k]) };
  }

  /** Position just past the character at `offset - 1`: the exclusive end of a range ending at `offset`. */
  end(offset: number): Position {
    if (offset <= 0) return this.pos(0);
    const o = offset > this.text.length ? this.text.length : offset;
    const segments = this.segments;
    if (segments === null) return { line: this.line0, column: this.column0 + o };
    const k = this.segmentOf(o - 1, segments);
    return { line: segments[k + 1], column: segments[k + 2] + (o - segments[k]) };
  }

  span(from: number, to: number): Span {
    if (this.segments === null) {
      // One segment (most spans): pos and end written out, both clamp the offset to the text.
      const length = this.text.length;
      const line = this.line0;
      const from1 = from < 0 ? 0 : from > length ? length : from;
      const to1 = to < 0 ? 0 : to > length ? length : to;
      return { start: { line, column: this.column0 + from1 }, end: { line, column: this.column0 + to1 } };
    }
    return { start: from < to ? this.pos(from) : this.end(from), end: this.end(to) };
  }
}

/**
 * Shell-form command. A class rather than a closure: big files hold hundreds of thousands of these, and
 * private fields keep the position data out of JSON and equality checks on the public fields.
 */
class ShellForm {
  // Public fields are assigned in the constructor only (see LogicalLine), in the order JSON shows them.
  declare readonly script: string;
  declare readonly span: Span;
  declare readonly form: 'shell';
  readonly #line: LogicalLine;
  readonly #start: number;
  constructor(script: string, span: Span, line: LogicalLine, start: number) {
    this.script = script;
    this.span = span;
    this.form = 'shell';
    this.#line = line;
    this.#start = start;
  }

  offsetToPosition(offset: number): Position {
    const o = offset < 0 ? 0 : offset > this.script.length ? this.script.length : offset;
    return this.#line.pos(this.#start + o);
  }
}

/**
 * Whole-line comment whose span is built on first read: big files hold tens of thousands of comments and
 * almost no reader asks for their position. Same public fields as `Comment` (`toJSON` keeps the shape).
 */
class LineComment implements Comment {
  // Public fields are assigned in the constructor only (see LogicalLine).
  declare readonly text: string;
  declare readonly directive: boolean;
  readonly #line: number;
  readonly #fromColumn: number;
  readonly #toColumn: number;
  #span: Span | undefined;
  constructor(text: string, line: number, fromColumn: number, toColumn: number, directive: boolean) {
    this.text = text;
    this.directive = directive;
    this.#line = line;
    this.#fromColumn = fromColumn;
    this.#toColumn = toColumn;
  }

  get span(): Span {
    return (this.#span ??= {
      start: { line: this.#line, column: this.#fromColumn },
      end: { line: this.#line, column: this.#toColumn },
    });
  }

  toJSON(): Comment {
    return { text: this.text, span: this.span, directive: this.directive };
  }
}

/**
 * Fields every instruction shares. `keywordSpan` and `argsSpan` are built on first read from the logical
 * line: most readers only look at `span`, and three objects per span per instruction add up on big files.
 * `toJSON` keeps the plain-object shape (same keys, same order).
 */
class InstructionNode {
  // Public fields are assigned in the constructor only (see LogicalLine), in the order JSON shows them.
  declare keyword: string;
  declare keywordRaw: string;
  declare flags: Flag[];
  declare rawArgs: string;
  declare heredocs: Heredoc[];
  declare span: Span;
  readonly #line: LogicalLine;
  readonly #keywordEnd: number;
  readonly #argsStart: number;
  readonly #argsEnd: number;
  #keywordSpan: Span | undefined;
  #argsSpan: Span | undefined;
  constructor(
    keyword: string,
    keywordRaw: string,
    line: LogicalLine,
    keywordStart: number,
    keywordEnd: number,
    flags: Flag[],
    rawArgs: string,
    argsStart: number,
    argsEnd: number,
    heredocs: Heredoc[],
  ) {
    this.keyword = keyword;
    this.keywordRaw = keywordRaw;
    this.flags = flags;
    this.rawArgs = rawArgs;
    this.heredocs = heredocs;
    this.#line = line;
    this.#keywordEnd = keywordEnd;
    this.#argsStart = argsStart;
    this.#argsEnd = argsEnd;
    const start = keywordStart < keywordEnd ? line.pos(keywordStart) : line.end(keywordStart);
    this.span = { start, end: { line: line.lastLine, column: line.lastLineLength + 1 } };
  }

  get keywordSpan(): Span {
    return (this.#keywordSpan ??= { start: this.span.start, end: this.#line.end(this.#keywordEnd) });
  }

  set keywordSpan(span: Span) {
    this.#keywordSpan = span;
  }

  get argsSpan(): Span {
    return (this.#argsSpan ??= this.#line.span(this.#argsStart, this.#argsEnd));
  }

  set argsSpan(span: Span) {
    this.#argsSpan = span;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      keyword: this.keyword,
      keywordRaw: this.keywordRaw,
      span: this.span,
      keywordSpan: this.keywordSpan,
      flags: this.flags,
      rawArgs: this.rawArgs,
      argsSpan: this.argsSpan,
      heredocs: this.heredocs,
    };
    const own = this as unknown as Record<string, unknown>;
    for (const key of Object.keys(own)) if (!(key in out)) out[key] = own[key];
    return out;
  }
}

interface Word {
  start: number;
  end: number;
}

interface JsonArray {
  values: string[];
  spans: Word[];
}

/** A JSON element that is not a string: BuildKit rejects the instruction. */
const NOT_STRINGS = Symbol('not-strings');

/**
 * Reads a JSON array of strings starting at `start` (which must be `[`), strictly as JSON. Like Go's
 * json.Decoder, text after the closing bracket is ignored. Returns null when the text is not a JSON array
 * (the argument is then shell form), NOT_STRINGS for a valid array with other values.
 */
export function readJsonStringArray(t: string, start: number, limit: number): JsonArray | null | typeof NOT_STRINGS {
  if (t.charCodeAt(start) !== 91) return null;
  const values: string[] = [];
  const spans: Word[] = [];
  let i = jsonSpaceEnd(t, start + 1, limit);
  if (t.charCodeAt(i) === 93 && i < limit) return { values, spans };
  for (;;) {
    i = jsonSpaceEnd(t, i, limit);
    if (i >= limit) return null;
    if (t.charCodeAt(i) !== 34) return notStringsOrNull(t, start, limit);
    const sStart = i;
    i++;
    // Only strings with escapes are assembled from parts; most are one slice.
    let parts: string[] | null = null;
    let runStart = i;
    let closed = false;
    while (i < limit) {
      // Plain characters, up to the next quote, backslash or control character, in one regex run.
      i = runEnd(JSON_STRING_CHARS, t, i, limit);
      if (i >= limit) break;
      const c = t.charCodeAt(i);
      if (c === 34) {
        if (parts !== null) parts.push(t.slice(runStart, i));
        i++;
        closed = true;
        break;
      }
      if (c < 32) return null;
      if (c === 92) {
        parts ??= [];
        parts.push(t.slice(runStart, i));
        const e = t[i + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            parts.push(e);
            break;
          case 'b':
            parts.push('\b');
            break;
          case 'f':
            parts.push('\f');
            break;
          case 'n':
            parts.push('\n');
            break;
          case 'r':
            parts.push('\r');
            break;
          case 't':
            parts.push('\t');
            break;
          case 'u': {
            const hex = t.slice(i + 2, i + 6);
            if (i + 6 > limit || !/^[0-9a-fA-F]{4}$/.test(hex)) return null;
            parts.push(String.fromCharCode(parseInt(hex, 16)));
            i += 4;
            break;
          }
          default:
            return null;
        }
        i += 2;
        runStart = i;
        continue;
      }
      i++;
    }
    if (!closed) return null;
    values.push(parts === null ? t.slice(sStart + 1, i - 1) : parts.length === 1 ? parts[0] : parts.join(''));
    spans.push({ start: sStart, end: i });
    i = jsonSpaceEnd(t, i, limit);
    if (i >= limit) return null;
    const c = t.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 93) return { values, spans };
    return null;
  }
}

/** First offset at or after `i` that is not JSON whitespace (or `limit`). */
function jsonSpaceEnd(t: string, i: number, limit: number): number {
  while (i < limit) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else break;
  }
  return i;
}

function notStringsOrNull(t: string, start: number, limit: number): null | typeof NOT_STRINGS {
  // Only a syntactically valid JSON array with a non-string element is an error; anything else is shell form.
  try {
    const parsed: unknown = JSON.parse(t.slice(start, limit));
    return Array.isArray(parsed) ? NOT_STRINGS : null;
  } catch {
    return null;
  }
}

interface HeredocMarker {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  fd?: number;
  start: number;
  end: number;
}

/**
 * Unquotes a heredoc delimiter word the way BuildKit's shell lexer does (backslash escape, quotes removed).
 * Returns null when it is not exactly one word.
 */
function heredocWord(raw: string): { word: string; quoted: boolean } | null {
  const out: string[] = [];
  let quoteChars = 0;
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === '\\') {
      if (i + 1 < raw.length) out.push(raw[i + 1]);
      i += 2;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = raw.indexOf(ch, i + 1);
      if (close < 0) return null;
      quoteChars += 2;
      let inner = raw.slice(i + 1, close);
      if (ch === '"') inner = inner.replace(/\\(["\\$])/g, '$1');
      out.push(inner);
      i = close + 1;
      continue;
    }
    if (isSpace(raw.charCodeAt(i))) return null;
    out.push(ch);
    i++;
  }
  const word = out.join('');
  if (word === '') return null;
  return { word, quoted: quoteChars > 0 };
}

/**
 * Finds heredoc markers among the shell words of `t[from, to)`: words matching `^\d*<<-?[^<]+$` (so `<<<`
 * is not one), split on whitespace with quotes and backslash escapes kept inside words, as BuildKit does.
 */
/** `findHeredocMarkers(t, from, to).length > 0` without a list when there is no `<<` at all. */
function hasHeredocMarker(t: string, from: number, to: number): boolean {
  const arrows = t.indexOf('<<', from);
  return arrows >= 0 && arrows < to && findHeredocMarkers(t, from, to).length > 0;
}

function findHeredocMarkers(t: string, from: number, to: number): HeredocMarker[] {
  const markers: HeredocMarker[] = [];
  if (t.indexOf('<<', from) < 0) return markers;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(t.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isSpace(t.charCodeAt(i))) {
      const ch = t[i];
      if (ch === '\\') i += 2;
      else if (ch === "'" || ch === '"') {
        const close = t.indexOf(ch, i + 1);
        i = close < 0 || close >= to ? to : close + 1;
      } else i++;
    }
    const end = i > to ? to : i;
    let q = start;
    while (q < end && t.charCodeAt(q) >= 48 && t.charCodeAt(q) <= 57) q++;
    if (t.charCodeAt(q) !== 60 || t.charCodeAt(q + 1) !== 60 || q + 1 >= end) continue;
    const fdText = t.slice(start, q);
    q += 2;
    let stripTabs = false;
    if (t[q] === '-' && q < end) {
      stripTabs = true;
      q++;
    }
    const rest = t.slice(q, end);
    if (rest === '' || rest.includes('<')) continue;
    const word = heredocWord(rest);
    if (!word) continue;
    const marker: HeredocMarker = { delimiter: word.word, quoted: word.quoted, stripTabs, start, end };
    if (fdText !== '') marker.fd = Number(fdText);
    markers.push(marker);
  }
  return markers;
}

/** Removes quotes and applies escapes like BuildKit's word processing, without expanding variables. */
function unquote(word: string, escape: string): { value: string; unterminated: boolean } {
  if (!word.includes('"') && !word.includes("'") && !word.includes(escape)) return { value: word, unterminated: false };
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    const ch = word[i];
    if (ch === escape) {
      if (i + 1 < word.length) out.push(word[i + 1]);
      i += 2;
      continue;
    }
    if (ch === "'") {
      const close = word.indexOf("'", i + 1);
      if (close < 0) return { value: out.join('') + word.slice(i + 1), unterminated: true };
      out.push(word.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let runStart = j;
      let closed = false;
      while (j < word.length) {
        const c = word[j];
        if (c === '"') {
          out.push(word.slice(runStart, j));
          closed = true;
          j++;
          break;
        }
        if (c === escape && j + 1 < word.length) {
          const n = word[j + 1];
          if (n === '"' || n === '$' || n === escape) {
            out.push(word.slice(runStart, j), n);
            j += 2;
            runStart = j;
            continue;
          }
        }
        j++;
      }
      if (!closed) return { value: out.join('') + word.slice(runStart), unterminated: true };
      i = j;
      continue;
    }
    out.push(ch);
    i++;
  }
  return { value: out.join(''), unterminated: false };
}

/** Words split on ASCII blanks (BuildKit's reWhitespace), quotes kept. */
function blankWords(t: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < to) {
    // Words are usually separated by one blank: only longer runs need the regex.
    if (t.charCodeAt(i) === 32) i++;
    if (t.charCodeAt(i) <= 32) i = runEnd(BLANKS, t, i, to);
    if (i >= to) break;
    const start = i;
    i = runEnd(NON_BLANKS, t, i, to);
    words.push({ start, end: i });
  }
  return words;
}

/**
 * BuildKit's parseWords for ENV/LABEL/ARG: whitespace outside quotes separates words; the escape character
 * protects the next character (also a quote or a space); quotes are kept in the word.
 */
function quotedWords(t: string, from: number, to: number, escape: string): Word[] {
  const words: Word[] = [];
  const plainWord = escape === '`' ? PLAIN_WORD_BACKTICK : PLAIN_WORD_BACKSLASH;
  let i = from;
  while (i < to) {
    // Words are usually separated by one blank: only longer runs need the regex.
    if (t.charCodeAt(i) === 32) i++;
    const c = t.charCodeAt(i);
    if (!(c > 32 && c < 0x85)) i = runEnd(SPACES, t, i, to);
    if (i >= to) break;
    const start = i;
    // Most words hold no quote or escape: they end at the first space.
    i = runEnd(plainWord, t, i, to);
    if (i >= to || isSpace(t.charCodeAt(i))) {
      words.push({ start, end: i });
      continue;
    }
    let quote = '';
    while (i < to) {
      const ch = t[i];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === escape && quote !== "'") i++;
      } else {
        if (isSpace(t.charCodeAt(i))) break;
        if (ch === '"' || ch === "'") quote = ch;
        else if (ch === escape) i++;
      }
      i++;
    }
    words.push({ start, end: i > to ? to : i });
  }
  return words;
}

class Parser {
  private readonly errors: SyntaxProblem[] = [];
  private escape = '\\';
  /** Offset of the arguments in the logical line, per nesting depth (0: top level, 1: ONBUILD payload). */
  private readonly argsStartAtDepth: number[] = [0, 0];
  /** Segments of the file's multi-line logical lines, as triples (see LogicalLine). */
  private readonly segments: number[] = [];
  /**
   * The physical line to read next: its start offset and 1-based number. Lines are walked in order with
   * indexOf('\n') (no table of line starts is built); a line ends at its '\n' or at the end of the text, and
   * a final newline does not start another line, so the text is done when `nextLineStart >= text.length`.
   */
  private nextLineStart = 0;
  private nextLineNumber = 1;

  constructor(private readonly text: string) {}

  private problem(message: string, span: Span): void {
    this.errors.push({ message, span });
  }

  parse(file: string): Dockerfile {
    const t = this.text;
    const n = t.length;
    const directives: Directives = { escape: '\\', spans: [] };
    const comments: Comment[] = [];
    const instructions: Instruction[] = [];
    const result: Dockerfile = { file, text: t, directives, instructions, comments, errors: this.errors };
    if (n === 0) return result;

    const seenDirectives = new Set<string>();
    let directivesOpen = true;
    let ls = 0;
    let lineNumber = 1;
    while (ls < n) {
      let le = t.indexOf('\n', ls);
      if (le < 0) le = n;
      // Most lines start with a printable ASCII character: tested before looking for a run of spaces.
      const first = t.charCodeAt(ls);
      const p = (first > 32 && first < 0x85) || ls === le ? ls : runEnd(SPACES, t, ls, le);

      if (directivesOpen) {
        const d = this.matchDirective(p, le);
        if (d && !seenDirectives.has(d.key)) {
          seenDirectives.add(d.key);
          const comment = new LineComment(t.slice(p + 1, le), lineNumber, p - ls + 1, le - ls + 1, true);
          const span = comment.span;
          if (d.key === 'escape') {
            if (d.value === '\\' || d.value === '`') directives.escape = d.value;
            else this.problem(`invalid escape character '${d.value}': use \\ or \``, span);
          } else if (d.key === 'syntax') directives.syntax = d.value;
          else directives.check = d.value;
          directives.spans.push(span);
          comments.push(comment);
          ls = le + 1;
          lineNumber++;
          continue;
        }
        directivesOpen = false;
        this.escape = directives.escape;
      }

      if (p === le) {
        ls = le + 1;
        lineNumber++;
        continue;
      }
      if (t.charCodeAt(p) === 35) {
        comments.push(new LineComment(t.slice(p + 1, le), lineNumber, p - ls + 1, le - ls + 1, false));
        ls = le + 1;
        lineNumber++;
        continue;
      }

      const logical = this.readLogicalLine(ls, le, lineNumber, p);
      const lt = logical.text;
      // The text starts at the line's first non-blank unless that line held only an escape.
      const c = lt.charCodeAt(0);
      const k = c > 32 && c < 0x85 ? 0 : runEnd(SPACES, lt, 0, lt.length);
      if (k < lt.length) {
        const instruction = this.parseInstruction(logical, k, 0);
        // No `<<` in the arguments (those of an ONBUILD payload included): no heredoc to read.
        if (instruction.rawArgs.indexOf('<<') >= 0) this.readHeredocs(logical, instruction);
        instructions.push(instruction);
      } // else only escapes and blanks: nothing to parse
      ls = this.nextLineStart;
      lineNumber = this.nextLineNumber;
    }
    return result;
  }

  /** `#` key `=` value with BuildKit's directive syntax; key is lower-cased and must be a known directive. */
  private matchDirective(p: number, le: number): { key: string; value: string } | null {
    const t = this.text;
    if (p >= le || t.charCodeAt(p) !== 35) return null;
    let i = p + 1;
    while (i < le && isGoRegexSpace(t.charCodeAt(i))) i++;
    const keyStart = i;
    const c0 = t.charCodeAt(i);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) return null;
    while (i < le && isAlnum(t.charCodeAt(i))) i++;
    const key = t.slice(keyStart, i).toLowerCase();
    while (i < le && isGoRegexSpace(t.charCodeAt(i))) i++;
    if (t.charCodeAt(i) !== 61 || i >= le) return null;
    i++;
    while (i < le && isGoRegexSpace(t.charCodeAt(i))) i++;
    let e = le;
    while (e > i && isGoRegexSpace(t.charCodeAt(e - 1))) e--;
    if (e <= i) return null;
    if (key !== 'syntax' && key !== 'escape' && key !== 'check') return null;
    return { key, value: t.slice(i, e) };
  }

  /**
   * Joins an instruction's continuation lines. The instruction starts on the line `[firstStart, firstEnd)`,
   * number `firstNumber`, at its first non-blank character `p`. Returns the logical line and moves
   * `nextLineStart`/`nextLineNumber` past it.
   */
  private readLogicalLine(firstStart: number, firstEnd: number, firstNumber: number, p: number): LogicalLine {
    const t = this.text;
    const n = t.length;
    const esc = this.escape.charCodeAt(0);
    const segments = this.segments;
    let joined = '';
    let pieces: string[] | null = null;
    let joinedLength = 0;
    let segFirst = -1;
    let lineStart = firstStart;
    let lineEnd = firstEnd;
    let lineNumber = firstNumber;
    let start = p;
    // The last physical line of the instruction (its end is the instruction's end).
    let lastStart = firstStart;
    let lastEnd = firstEnd;
    let lastNumber = firstNumber;
    for (;;) {
      let e = lineEnd;
      let c = t.charCodeAt(e - 1);
      while ((c === 32 || c === 9) && e > start) {
        e--;
        c = t.charCodeAt(e - 1);
      }
      // BuildKit: escape at the end (after optional blanks) continues the line unless the escape is itself
      // escaped; an escape alone on its line always continues.
      const continued = e > start && c === esc && (e - 1 === start || t.charCodeAt(e - 2) !== esc);
      const segEnd = continued ? e - 1 : lineEnd;
      if (lineNumber === firstNumber) joined = t.slice(start, segEnd);
      else {
        if (segFirst < 0) {
          segFirst = segments.length;
          segments.push(0, firstNumber, p - firstStart + 1);
        }
        segments.push(joinedLength, lineNumber, start - lineStart + 1);
        if (pieces === null) pieces = [joined];
        pieces.push(t.slice(start, segEnd));
      }
      joinedLength += segEnd - start;
      lastStart = lineStart;
      lastEnd = lineEnd;
      lastNumber = lineNumber;
      if (!continued) {
        lineStart = lineEnd + 1;
        lineNumber++;
        break;
      }
      // Blank lines and whole-line comments inside a continuation are dropped.
      for (;;) {
        lineStart = lineEnd + 1;
        lineNumber++;
        if (lineStart >= n) break;
        lineEnd = t.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = n;
        BLANK_OR_COMMENT_LINE.lastIndex = lineStart;
        if (!BLANK_OR_COMMENT_LINE.test(t)) break;
      }
      // At the end of the text inside a continuation, the instruction ends with its last piece.
      if (lineStart >= n) break;
      start = lineStart;
    }
    this.nextLineStart = lineStart;
    this.nextLineNumber = lineNumber;
    const several = segFirst >= 0;
    return new LogicalLine(
      pieces === null ? joined : pieces.join(''),
      firstNumber,
      p - firstStart + 1,
      several ? segments : null,
      segFirst,
      several ? segments.length - 3 : 0,
      lastNumber,
      lastEnd - lastStart,
    );
  }

  private parseInstruction(L: LogicalLine, kStart: number, depth: number): Instruction {
    const t = L.text;
    const kEnd = runEnd(NON_SPACES, t, kStart, t.length);
    // Interned: the result of a big file holds one keyword pair per instruction. Most keywords are
    // written in upper case, which needs no slice or upper-cased copy to look up.
    let upper = upperCaseKeyword(t, kStart, kEnd);
    let keywordRaw: string;
    if (upper !== null) keywordRaw = upper;
    else {
      const written = t.slice(kStart, kEnd);
      upper = KEYWORDS.get(written.toUpperCase()) ?? written.toUpperCase();
      keywordRaw = written === upper ? upper : written;
    }
    let end = t.length;
    const last = t.charCodeAt(end - 1);
    // Usually the line ends in a printable ASCII character: no trailing spaces to trim.
    if (!(last > 32 && last < 0x85)) while (end > kEnd && isSpace(t.charCodeAt(end - 1))) end--;
    // Usually one blank separates the keyword from its arguments: only longer runs need the regex.
    const afterBlank = t.charCodeAt(kEnd + 1);
    let p =
      t.charCodeAt(kEnd) === 32 && afterBlank > 32 && afterBlank < 0x85 && kEnd < end ? kEnd + 1 : runEnd(SPACES, t, kEnd, end);

    let flags: Flag[] = NO_FLAGS;
    // Flags start with `--`: most instructions have none, which needs no keyword lookup.
    if (t.charCodeAt(p) === 45 && FLAG_KEYWORDS.has(upper)) {
      flags = this.readFlags(L, p, end);
      p = this.flagsEnd;
    }
    const argsStart = p;
    const base: BaseFields = new InstructionNode(
      upper,
      keywordRaw,
      L,
      kStart,
      kEnd,
      flags,
      t.slice(argsStart, end),
      argsStart,
      end,
      NO_HEREDOCS,
    );

    this.argsStartAtDepth[depth] = argsStart;
    return this.dispatch(L, base, upper, argsStart, end, flags, depth);
  }

  private dispatch(
    L: LogicalLine,
    base: BaseFields,
    upper: string,
    argsStart: number,
    end: number,
    flags: Flag[],
    depth: number,
  ): Instruction {
    if (upper === 'FROM') return this.parseFrom(L, base, argsStart, end, flags);
    if (COMMAND_KEYWORDS.has(upper)) {
      const command = this.commandForm(L, argsStart, end, upper, base.argsSpan, base.rawArgs);
      if (upper === 'SHELL' && command.form === 'shell') {
        this.problem('SHELL needs its arguments in JSON form, e.g. SHELL ["/bin/sh", "-c"]', base.argsSpan);
      }
      const instr = base as CommandInstruction;
      instr.command = command;
      return instr;
    }
    if (upper === 'COPY' || upper === 'ADD') return this.parseCopy(L, base, upper, argsStart, end);
    if (upper === 'ENV' || upper === 'LABEL') return this.parseKeyValues(L, base, upper, argsStart, end);
    if (upper === 'ARG') return this.parseArg(L, base, argsStart, end);
    if (upper === 'HEALTHCHECK') return this.parseHealthcheck(L, base, argsStart, end);
    if (upper === 'ONBUILD') return this.parseOnbuild(L, base, argsStart, end, depth);
    return this.parseGeneric(L, base, upper, argsStart, end);
  }

  /** Set by readFlags: where the arguments after the flags start. */
  private flagsEnd = 0;

  /** Leading `--name[=value]` words; quotes and backslash escapes are removed from each word (BuildKit). */
  private readFlags(L: LogicalLine, p: number, end: number): Flag[] {
    const t = L.text;
    if (!(p + 1 < end && t.charCodeAt(p) === 45 && t.charCodeAt(p + 1) === 45)) {
      this.flagsEnd = p;
      return NO_FLAGS;
    }
    let flags: Flag[] | null = null;
    while (p + 1 < end && t.charCodeAt(p) === 45 && t.charCodeAt(p + 1) === 45) {
      const start = p;
      // Most flags hold no quote or backslash: the word is one slice up to the first space.
      let q = runEnd(PLAIN_WORD_BACKSLASH, t, p, end);
      let word: string;
      if (q >= end || isSpace(t.charCodeAt(q))) word = t.slice(start, q);
      else {
        const out: string[] = [];
        let runStart = start;
        let quote = 0;
        while (q < end) {
          const c = t.charCodeAt(q);
          if (quote !== 0) {
            if (c === quote) {
              out.push(t.slice(runStart, q));
              quote = 0;
              runStart = q + 1;
            } else if (c === 92) {
              out.push(t.slice(runStart, q));
              runStart = q + 1;
              q++;
            }
          } else {
            if (isSpace(c)) break;
            if (c === 34 || c === 39) {
              out.push(t.slice(runStart, q));
              quote = c;
              runStart = q + 1;
            } else if (c === 92) {
              out.push(t.slice(runStart, q));
              runStart = q + 1;
              q++;
            }
          }
          q++;
        }
        if (q > end) q = end;
        if (runStart < q) out.push(t.slice(runStart, q));
        word = out.join('');
      }
      p = runEnd(SPACES, t, q, end);
      if (word === '--') break; // `--` ends the flags and is not kept
      const body = word.slice(2);
      const eq = body.indexOf('=');
      flags = append(flags, {
        name: eq < 0 ? body : body.slice(0, eq),
        value: eq < 0 ? null : body.slice(eq + 1),
        span: L.span(start, q),
      });
    }
    this.flagsEnd = p;
    return flags ?? NO_FLAGS;
  }

  /** `span`/`text` may be passed when already computed for [start, end), to share them. */
  private commandForm(
    L: LogicalLine,
    start: number,
    end: number,
    keyword: string,
    span: Span = L.span(start, end),
    text?: string,
  ): CommandForm {
    const t = L.text;
    if (t.charCodeAt(start) === 91) {
      const json = readJsonStringArray(t, start, end);
      if (json === NOT_STRINGS) {
        this.problem(`${keyword}: a JSON array must contain only strings`, span);
      } else if (json) {
        return { form: 'exec', args: json.values, span };
      }
    }
    return new ShellForm(text ?? t.slice(start, end), span, L, start);
  }

  private parseFrom(
    L: LogicalLine,
    base: BaseFields,
    start: number,
    end: number,
    flags: Flag[],
  ): FromInstruction {
    const t = L.text;
    const words = blankWords(t, start, end);
    const instr = base as FromInstruction;
    instr.image = words.length > 0 ? parseImageRef(t.slice(words[0].start, words[0].end)) : { raw: '', name: '' };
    let platform: Flag | undefined;
    for (let i = 0; i < flags.length; i++) {
      if (flags[i].name === 'platform') {
        platform = flags[i];
        break;
      }
    }
    if (platform && platform.value !== null) instr.platform = platform.value;
    if (words.length === 0) {
      this.problem('FROM needs an image name', base.keywordSpan);
    } else if (words.length === 3 && t.slice(words[1].start, words[1].end).toLowerCase() === 'as') {
      const alias = t.slice(words[2].start, words[2].end);
      instr.alias = alias;
      instr.aliasSpan = L.span(words[2].start, words[2].end);
      if (!STAGE_NAME.test(alias.toLowerCase())) {
        this.problem(
          `invalid stage name '${alias}': it must start with a letter and hold only letters, digits, '-', '_' and '.'`,
          instr.aliasSpan,
        );
      }
    } else if (words.length !== 1) {
      const extra = words.length >= 2 ? words[1] : words[0];
      this.problem("FROM takes an image and optionally 'AS name'", L.span(extra.start, words[words.length - 1].end));
    }
    return instr;
  }

  private parseCopy(L: LogicalLine, base: BaseFields, keyword: 'COPY' | 'ADD', start: number, end: number): CopyInstruction {
    const t = L.text;
    let values: string[];
    let spans: Word[];
    let form: 'exec' | 'shell' = 'shell';
    const json = t.charCodeAt(start) === 91 ? readJsonStringArray(t, start, end) : null;
    if (json === NOT_STRINGS) {
      this.problem(`${keyword}: a JSON array must contain only strings`, base.argsSpan);
    }
    if (json && json !== NOT_STRINGS) {
      form = 'exec';
      values = json.values;
      spans = json.spans;
    } else {
      spans = blankWords(t, start, end);
      values = [];
      for (let i = 0; i < spans.length; i++) values.push(this.copyWordValue(L, spans[i]));
    }
    const instr = base as CopyInstruction;
    instr.sources = [];
    instr.dest = '';
    instr.sourceSpans = [];
    // Set below in every branch; assigned here to keep the property order of the object.
    instr.destSpan = NO_SPAN;
    instr.form = form;
    if (values.length < 2) {
      this.problem(`${keyword} needs at least one source and a destination`, base.argsSpan);
      instr.destSpan = base.argsSpan;
      if (values.length === 1) {
        instr.dest = values[0];
        instr.destSpan = L.span(spans[0].start, spans[0].end);
      }
      return instr;
    }
    const last = values.length - 1;
    instr.sources = values.slice(0, last);
    let sourceSpans: Span[] | null = null;
    for (let i = 0; i < last; i++) sourceSpans = append(sourceSpans, L.span(spans[i].start, spans[i].end));
    instr.sourceSpans = sourceSpans ?? [];
    instr.dest = values[last];
    instr.destSpan = L.span(spans[last].start, spans[last].end);
    if (form === 'shell' && hasHeredocMarker(t, spans[last].start, spans[last].end)) {
      this.problem(`${keyword} cannot take a heredoc as its destination`, instr.destSpan);
    }
    return instr;
  }

  /** A shell-form COPY/ADD word: a heredoc marker stands for its delimiter, anything else is unquoted. */
  private copyWordValue(L: LogicalLine, w: Word): string {
    const raw = L.text.slice(w.start, w.end);
    if (raw.indexOf('<<') >= 0) {
      const marker = findHeredocMarkers(raw, 0, raw.length);
      if (marker.length === 1 && marker[0].start === 0 && marker[0].end === raw.length) return marker[0].delimiter;
    }
    const word = unquote(raw, this.escape);
    if (word.unterminated) {
      // BuildKit fails on this word; keep it as written.
      this.problem('unterminated quote', L.span(w.start, w.end));
      return raw;
    }
    return word.value;
  }

  private parseKeyValues(
    L: LogicalLine,
    base: BaseFields,
    keyword: 'ENV' | 'LABEL',
    start: number,
    end: number,
  ): KeyValueInstruction {
    const t = L.text;
    let pairs: KeyValue[] | null = null;
    const instr = base as KeyValueInstruction;
    instr.pairs = [];
    const words = quotedWords(t, start, end, this.escape);
    if (words.length === 0) {
      this.problem(`${keyword} needs at least one argument`, base.keywordSpan);
      return instr;
    }
    const firstWord = t.slice(words[0].start, words[0].end);
    if (!firstWord.includes('=')) {
      // Legacy `ENV key value with spaces`: the key is the first blank-separated part, the value the rest.
      const k = runEnd(NON_BLANKS, t, start, end);
      const v = runEnd(BLANKS, t, k, end);
      if (v >= end) {
        this.problem(`${keyword} ${t.slice(start, k)} has no value: write ${keyword} name=value`, base.argsSpan);
        return instr;
      }
      const value = unquote(t.slice(v, end), this.escape);
      if (value.unterminated) this.problem('unterminated quote', L.span(v, end));
      instr.pairs = [{ key: t.slice(start, k), value: value.value, span: L.span(start, end) }];
      return instr;
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const word = t.slice(w.start, w.end);
      const eq = word.indexOf('=');
      const span = L.span(w.start, w.end);
      if (eq < 0) {
        this.problem(`${keyword}: '${word}' has no '=': write name=value`, span);
        continue;
      }
      const key = unquote(word.slice(0, eq), this.escape);
      const value = unquote(word.slice(eq + 1), this.escape);
      if (key.value === '') {
        this.problem(`${keyword}: a name cannot be empty`, span);
        continue;
      }
      if (key.unterminated || value.unterminated) this.problem('unterminated quote', span);
      pairs = append(pairs, { key: key.value, value: value.value, span });
    }
    if (pairs !== null) instr.pairs = pairs;
    return instr;
  }

  private parseArg(L: LogicalLine, base: BaseFields, start: number, end: number): ArgInstruction {
    const t = L.text;
    let args: ArgDeclaration[] | null = null;
    const instr = base as ArgInstruction;
    instr.args = [];
    const words = quotedWords(t, start, end, this.escape);
    if (words.length === 0) {
      this.problem('ARG needs at least one name', base.keywordSpan);
      return instr;
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      const word = t.slice(w.start, w.end);
      const span = L.span(w.start, w.end);
      const eq = word.indexOf('=');
      if (eq === 0) {
        this.problem('ARG: a name cannot be empty', span);
        continue;
      }
      if (eq < 0) {
        args = append(args, { name: word, span });
        continue;
      }
      const value = unquote(word.slice(eq + 1), this.escape);
      if (value.unterminated) this.problem('unterminated quote', span);
      args = append(args, { name: word.slice(0, eq), defaultValue: value.value, span });
    }
    if (args !== null) instr.args = args;
    return instr;
  }

  private parseHealthcheck(L: LogicalLine, base: BaseFields, start: number, end: number): HealthcheckInstruction {
    const t = L.text;
    const instr = base as HealthcheckInstruction;
    instr.command = null;
    instr.none = false;
    if (start >= end) {
      this.problem('HEALTHCHECK needs NONE or CMD followed by a command', base.keywordSpan);
      return instr;
    }
    let sep = start;
    while (sep < end && !isSpace(t.charCodeAt(sep))) sep++;
    let next = sep;
    while (next < end && isSpace(t.charCodeAt(next))) next++;
    const type = t.slice(start, sep).toUpperCase();
    if (type === 'NONE') {
      instr.none = true;
      if (next < end) this.problem('HEALTHCHECK NONE takes no arguments', L.span(next, end));
      return instr;
    }
    if (type !== 'CMD') {
      this.problem(`HEALTHCHECK: unknown type '${t.slice(start, sep)}' (expected CMD or NONE)`, L.span(start, sep));
      return instr;
    }
    if (next >= end) {
      this.problem('HEALTHCHECK CMD needs a command', L.span(start, sep));
      return instr;
    }
    instr.command = this.commandForm(L, next, end, 'HEALTHCHECK CMD');
    if (instr.command.form === 'exec' && instr.command.args.length === 0) {
      this.problem('HEALTHCHECK CMD needs a command', instr.command.span);
    }
    return instr;
  }

  private parseOnbuild(
    L: LogicalLine,
    base: BaseFields,
    start: number,
    end: number,
    depth: number,
  ): OnbuildInstruction {
    const t = L.text;
    const instr = base as OnbuildInstruction;
    instr.inner = null;
    if (start >= end) {
      this.problem('ONBUILD needs an instruction to run later', base.keywordSpan);
      return instr;
    }
    let k = start;
    while (k < end && !isSpace(t.charCodeAt(k))) k++;
    const trigger = t.slice(start, k).toUpperCase();
    if (trigger === 'ONBUILD' || depth > 0) {
      // Not parsed further: chaining is invalid, and recursion must stay bounded.
      this.problem('ONBUILD ONBUILD is not allowed', L.span(start, k));
      return instr;
    }
    if (trigger === 'FROM' || trigger === 'MAINTAINER') {
      this.problem(`${trigger} is not allowed as an ONBUILD trigger`, L.span(start, k));
    }
    instr.inner = this.parseInstruction(L, start, depth + 1);
    return instr;
  }

  private parseGeneric(
    L: LogicalLine,
    base: BaseFields,
    upper: string,
    start: number,
    end: number,
  ): GenericInstruction {
    const t = L.text;
    let keyword: GenericInstruction['keyword'];
    let args: string[] = [];
    let argSpans: Span[] = [];
    if (SINGLE_STRING_KEYWORDS.has(upper)) {
      keyword = upper as GenericInstruction['keyword'];
      if (start < end) {
        args = [t.slice(start, end)];
        argSpans = [L.span(start, end)];
      } else {
        this.problem(`${upper} needs exactly one argument`, base.keywordSpan);
      }
    } else {
      const known = upper === 'EXPOSE' || upper === 'VOLUME';
      keyword = known ? (upper as 'EXPOSE' | 'VOLUME') : 'UNKNOWN';
      const json = upper === 'VOLUME' && t.charCodeAt(start) === 91 ? readJsonStringArray(t, start, end) : null;
      if (json === NOT_STRINGS) this.problem('VOLUME: a JSON array must contain only strings', base.argsSpan);
      if (json && json !== NOT_STRINGS) {
        args = json.values;
        argSpans = json.spans.map((w) => L.span(w.start, w.end));
        if (args.some((a) => a.trim() === '')) this.problem('VOLUME: a path cannot be empty', base.argsSpan);
      } else {
        const words = blankWords(t, start, end);
        for (let i = 0; i < words.length; i++) {
          args.push(t.slice(words[i].start, words[i].end));
          argSpans.push(L.span(words[i].start, words[i].end));
        }
      }
      if (!known) this.problem(`unknown instruction: ${base.keywordRaw}`, base.keywordSpan);
      else if (args.length === 0) this.problem(`${upper} needs at least one argument`, base.keywordSpan);
    }
    const instr = base as GenericInstruction;
    instr.keyword = keyword;
    instr.args = args;
    instr.argSpans = argSpans;
    return instr;
  }

  /**
   * Reads the bodies of the heredocs named on the instruction line, in marker order, from line
   * `nextLineStart` on, and moves `nextLineStart`/`nextLineNumber` past the last terminator.
   */
  private readHeredocs(L: LogicalLine, instruction: Instruction): void {
    const target = instruction.keyword === 'ONBUILD' ? (instruction as OnbuildInstruction).inner : instruction;
    if (!target || !HEREDOC_KEYWORDS.has(target.keyword)) return;
    if (target.keyword === 'RUN' && (target as CommandInstruction).command.form === 'exec') return;
    if ((target.keyword === 'COPY' || target.keyword === 'ADD') && (target as CopyInstruction).form === 'exec') {
      return;
    }
    // Markers are searched in the arguments after the flags, as whole words.
    const argsOffset = this.argsStartAtDepth[target === instruction ? 0 : 1];
    if (target.rawArgs.indexOf('<<') < 0) return;
    const markers = findHeredocMarkers(target.rawArgs, 0, target.rawArgs.length);
    if (markers.length === 0) return;

    const text = this.text;
    const n = text.length;
    let ls = this.nextLineStart;
    let lineNumber = this.nextLineNumber;
    const heredocs: Heredoc[] = [];
    let endPos: Position | null = null;
    for (const m of markers) {
      const markerSpan = L.span(argsOffset + m.start, argsOffset + m.end);
      // Without tab stripping the body is the text of its lines as is: one slice, no per-line pieces.
      const strippedLines: string[] | null = m.stripTabs ? [] : null;
      const bodyStart = ls;
      let bodyEnd = ls;
      const firstNumber = lineNumber;
      let lastStart = ls;
      let lastEnd = ls;
      let terminated = false;
      while (ls < n) {
        let le = text.indexOf('\n', ls);
        if (le < 0) le = n;
        let s = ls;
        if (strippedLines !== null) while (s < le && text.charCodeAt(s) === 9) s++;
        const isTerminator = le - s === m.delimiter.length && text.startsWith(m.delimiter, s);
        lastStart = ls;
        lastEnd = le;
        ls = le + 1;
        lineNumber++;
        if (isTerminator) {
          terminated = true;
          endPos = { line: lineNumber - 1, column: le - lastStart + 1 };
          break;
        }
        bodyEnd = le;
        if (strippedLines !== null) strippedLines.push(text.slice(s, le));
      }
      let bodySpan: Span;
      if (lineNumber > firstNumber) {
        bodySpan = {
          start: { line: firstNumber, column: 1 },
          end: { line: lineNumber - 1, column: lastEnd - lastStart + 1 },
        };
        if (!terminated) endPos = bodySpan.end;
      } else {
        const eof = this.endOfText();
        bodySpan = { start: eof, end: eof };
      }
      if (!terminated) {
        this.problem(`unterminated heredoc: no line '${m.delimiter}' before the end of the file`, markerSpan);
      }
      const heredoc: Heredoc = {
        delimiter: m.delimiter,
        quoted: m.quoted,
        stripTabs: m.stripTabs,
        body: strippedLines !== null ? strippedLines.join('\n') : text.slice(bodyStart, bodyEnd),
        markerSpan,
        bodySpan,
        terminated,
      };
      if (m.fd !== undefined) heredoc.fd = m.fd;
      heredocs.push(heredoc);
    }
    this.nextLineStart = ls;
    this.nextLineNumber = lineNumber;
    target.heredocs = heredocs;
    if (endPos) target.span = { start: target.span.start, end: endPos };
    if (target !== instruction) {
      instruction.heredocs = heredocs;
      instruction.span = { start: instruction.span.start, end: target.span.end };
    }
  }

  /** Position just past the last character of the last line. */
  private endOfText(): Position {
    const t = this.text;
    return this.positionOf(t.endsWith('\n') ? t.length - 1 : t.length);
  }

  /** Line and column of `offset`, counting the newlines before it (only for rare cases: errors, end of text). */
  positionOf(offset: number): Position {
    const t = this.text;
    let line = 1;
    let lineStart = 0;
    for (let nl = t.indexOf('\n'); nl >= 0 && nl < offset; nl = t.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    return { line, column: offset - lineStart + 1 };
  }
}

/**
 * The fields every instruction has. The parse functions add their own fields to this object and return it
 * as their instruction type: one object per instruction, with the same key order as a literal would have.
 */
type BaseFields = Omit<CommandInstruction, 'keyword' | 'command'> & { keyword: string };

// Shared by every instruction without flags or heredocs (most of them). Frozen: adding to one would
// change every instruction, so it must fail loudly instead.
/** Placeholder span, never left in a result. */
const NO_SPAN: Span = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
const NO_FLAGS = Object.freeze([]) as unknown as Flag[];
const NO_HEREDOCS = Object.freeze([]) as unknown as Heredoc[];

/**
 * `list` with `item` appended, the list created on first use: a one-item list literal is sized exactly,
 * while `[]` and push reserve 17 slots, and most flag, pair and source lists hold one item.
 */
function append<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `\s` in Go's RE2: ASCII only. */
function isGoRegexSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/**
 * Parses a Dockerfile. Never throws on any string: problems go to `errors` with their line:column, and the
 * rest of the file is still parsed.
 */
export function parseDockerfile(input: string, file = 'Dockerfile'): Dockerfile {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const parser = new Parser(text);
    const at = parser.positionOf(nul);
    return {
      file,
      text,
      directives: { escape: '\\', spans: [] },
      instructions: [],
      comments: [],
      errors: [{ message: 'not a text file: it contains a NUL byte', span: { start: at, end: { line: at.line, column: at.column + 1 } } }],
    };
  }
  return new Parser(text).parse(file);
}
