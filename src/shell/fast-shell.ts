/**
 * The fast path of the shell model: a single-pass parser for the subset of shell that nearly every
 * RUN/CMD/ENTRYPOINT/HEALTHCHECK script is written in, producing exactly what the tree-sitter path
 * (`tree-sitter-shell.ts`) produces for the same text, at a small fraction of its cost and with no WASM
 * to load.
 *
 * Accepted: simple commands with prefix assignments and redirections (`>`, `>>`, `<`, `>|`, `&>`, `&>>`,
 * `N>&M`, ...), joined by `&&`, `||`, `;`, `&`, `|`, `|&` and newlines; words made of plain text, `\`
 * escapes, '...', "..." (with `\` escapes and expansions), `$'...'`, `$NAME`, `$1`, `$@`, simple
 * `${NAME...}`, `$(...)` (parsed recursively); `export`/`local`/`declare`/... and `unset`;
 * comments; `( ... )`, `{ ...; }`, `name() { ...; }`, `if`/`elif`/`else`, `for NAME in ...`, `while`/`until`,
 * `case` with plain patterns; `[ ... ]` tests of simple shapes.
 *
 * Everything else (`function name`, `[[ ]]`, `((...))`, `$((...))`, backticks, heredocs, here-strings, process
 * substitution, arrays, `!`, odd escapes, unbalanced quotes, syntax errors, ...) makes `parseShellFast`
 * return null, and the caller uses tree-sitter. Where tree-sitter's reading of a construct differs from a
 * shell's, this parser follows tree-sitter (the model must not depend on which path ran) or declines.
 * `test/shell/fast-shell.test.ts` checks the equivalence on real scripts and generated ones.
 */
import {
  decodeAnsiC,
  effectiveCommand,
  LazyShellCommand,
  LazyShellWord,
  scriptPositionMapper,
  type DetailedShellScript,
  type LocatedCommand,
  type PositionMapper,
  type WordValue,
} from './common.js';
import type { ShellCommand, ShellWord } from './types.js';

/** Longer scripts go to tree-sitter, which owns the size limit and the parse budget. */
const MAX_FAST_LENGTH = 64 * 1024;
/** Nesting of `$(...)`, subshells and compound commands beyond this is left to tree-sitter. */
const MAX_DEPTH = 48;

/**
 * Characters whose treatment by tree-sitter is not worth modelling: control characters other than tab
 * and newline (`\r`, `\v`, `\f` are whitespace to tree-sitter in places a shell disagrees), and Unicode
 * spaces (tree-sitter's `\s` may match them, a shell's blank does not); with them backticks (see
 * `parseShellFast`), so that one scan of the script finds both.
 */
const UNSUPPORTED_OR_BACKTICK = /[\x00-\x08\x0b-\x1f\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff`]/;

/** Thrown (one shared instance) when the script is outside the accepted subset. */
const DECLINED: unique symbol = Symbol('declined');

const TAB = 9;
const NL = 10;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const AMP = 38;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const SEMI = 59;
const LT = 60;
const GT = 62;
const BACKSLASH = 92;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Character classes of ASCII; everything at or above 128 is plain word text. */
const PLAIN = 1; // part of an unquoted word, taken literally
const WORD_END = 2; // ends a word: blanks, newline, ; & | ( ) < >
const NAME_CHAR = 4; // [A-Za-z0-9_]
const WATCHED = 8; // plain characters a word's text run must look at: { } [ ] #
const CLASS = new Uint8Array(128);
for (let c = 33; c < 127; c++) CLASS[c] = PLAIN;
for (const c of ' \t\n;&|()<>') CLASS[c.charCodeAt(0)] = WORD_END;
for (const c of '\'"\\$`') CLASS[c.charCodeAt(0)] = 0;
for (const c of '{}[]#') CLASS[c.charCodeAt(0)] |= WATCHED;
for (let c = 0; c < 128; c++) {
  const s = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(s)) CLASS[c] |= NAME_CHAR;
}

/*
 * Runs of text scanned natively (sticky regexes): most of the first pass runs in V8's interpreter and
 * baseline tiers, where a JS loop costs several bytecodes and a call per character. The script holds no
 * control characters but tab and newline here (see UNSUPPORTED_OR_BACKTICK).
 */
/** Unquoted word text that needs no second look: PLAIN characters but the WATCHED ones, and non-ASCII. */
const PLAIN_RUN = /[^\t\n ;&|()<>'"\\$`{}[\]#]+/y;
/** `[A-Za-z0-9_]` (see NAME_CHAR). */
const NAME_RUN = /[A-Za-z0-9_]+/y;
/** Text inside "...": up to a quote, backslash, `$` or backtick (the script's end: declined by the caller). */
const QUOTED_RUN = /[^"\\$`]+/y;

/** What the character after an argument's blanks means to a simple command (ASCII; 0: a word starts). */
const ENDS_COMMAND = 1; // ; | newline ) #
const MAY_REDIRECT = 2; // < > & and digits (`&` alone also ends the command)
const AFTER_ARGUMENT = new Uint8Array(128);
for (const c of ';|\n)#') AFTER_ARGUMENT[c.charCodeAt(0)] = ENDS_COMMAND;
for (const c of '<>&0123456789') AFTER_ARGUMENT[c.charCodeAt(0)] = MAY_REDIRECT;

/** A regex character class of the ASCII characters whose CLASS has `bit`. */
function asciiClassOf(bit: number): string {
  let set = '';
  for (let c = 0; c < 128; c++) if (CLASS[c]! & bit) set += `\\x${c.toString(16).padStart(2, '0')}`;
  return `[${set}]`;
}

/** Words a shell reserves at command position: compound statements this parser handles or declines. */
const RESERVED = new Set([
  'if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'in',
  'function', 'select', 'coproc', '{', '}', '!', '[[', ']]', ']',
]);
/** `name()` / `name ( )` and the `{` that opens its body (which must be followed by a blank or newline). */
const FUNCTION_HEADER = /([A-Za-z_][A-Za-z0-9_]*)[ \t]*\([ \t]*\)[ \t]*\{(?=[ \t\n])/y;
/** First characters of the reserved words (a quick "no" for most command names). */
const RESERVED_FIRST = new Uint8Array(128);
for (const word of RESERVED) RESERVED_FIRST[word.charCodeAt(0)] = 1;
/**
 * A reserved word that is a whole run of ASCII PLAIN characters (no such character follows). One native
 * match keeps `readReservedWord` small: V8 inlines it into several callers, and its former character loop
 * and candidate search there cost more compile time than they ever saved.
 */
const RESERVED_WORD_AT = new RegExp(`(?:${[...RESERVED].map((word) => word.replace(/[[\]{}]/g, '\\$&')).join('|')})(?!${asciiClassOf(PLAIN)})`, 'y');
/*
 * `plainWordAt` and `redirectAt` match natively: V8 inlines both into several callers, where their
 * character loops cost more compile time than they saved.
 */
/** A run of ASCII PLAIN characters ended by the text's end or a WORD_END character. */
const PLAIN_WORD_AT = new RegExp(`${asciiClassOf(PLAIN)}+(?=${asciiClassOf(WORD_END)}|$)`, 'y');
/** A redirection operator, optionally after a file descriptor number: `<`, `>`, `2>`, `&>`. */
const REDIRECT_AT = /[0-9]*[<>]|&>/y;

/** The keyword lists `statements` stops at, made once (not an array per compound command). */
const STOP_AT: Readonly<Record<string, readonly string[]>> = { do: ['do'], done: ['done'], then: ['then'], fi: ['fi'], '}': ['}'] };
const IF_BRANCH_STOPS: readonly string[] = ['elif', 'else', 'fi'];
const ESAC_STOPS: readonly string[] = ['esac'];
/** Commands tree-sitter models as `declaration_command` / `unset_command` (keyword, then words). */
const DECLARATION_KEYWORDS = new Set(['declare', 'typeset', 'export', 'readonly', 'local']);
const UNSET_KEYWORDS = new Set(['unset', 'unsetenv']);
const DECLARATION_FIRST = new Uint8Array(128);
for (const word of [...DECLARATION_KEYWORDS, ...UNSET_KEYWORDS]) DECLARATION_FIRST[word.charCodeAt(0)] = 1;

/** Characters of a case pattern outside quotes: letters, digits and `_ . * ? - + / : , = @ %`. */
const CASE_PATTERN_CHAR = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.*?-+/:,=@%') CASE_PATTERN_CHAR[c.charCodeAt(0)] = 1;

/** Operators of `${NAME<op>...}` this parser accepts, longest first. */
const EXPANSION_OPERATORS = [':-', ':=', ':+', ':?', '##', '%%', '//', '-', '=', '+', '?', '#', '%', '/'];
/** The operators of `${NAME<op>pattern}` whose operand is a glob pattern. */
const PATTERN_OPERATORS = new Set(['##', '%%', '//', '#', '%', '/']);
/** A `${...}` expansion without nested braces, as the test operand check skips it. */
const BRACED_EXPANSION = /\$\{[^{}]*\}/g;
/** Test operators `[ A op B ]` may use. */
const TEST_BINARY = new Set(['=', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
/** Plain words that cannot be a test operand (operators, brackets; `==` makes tree-sitter read a pattern). */
const TEST_NOT_OPERAND = new Set(['!', '=', '!=', '==', '=~', '[', ']', '[[', ']]', '-a', '-o']);

interface FastWord extends WordValue {
  start: number;
  end: number;
  /** True when the word is unquoted literal text only (no quotes, escapes or expansions). */
  plain: boolean;
}

/**
 * Parses `script` if it is inside the accepted subset; null means "ask tree-sitter". The result is
 * identical to the tree-sitter path's for every script this accepts.
 */
export function parseShellFast(script: string, mapPosition?: PositionMapper): DetailedShellScript | null {
  // Backticks (even escaped ones) change how tree-sitter reads the rest of the script; they are rare.
  if (script.length > MAX_FAST_LENGTH || UNSUPPORTED_OR_BACKTICK.test(script)) return null;
  const parser = new FastParser(script, mapPosition ?? scriptPositionMapper(script));
  try {
    parser.script();
  } catch (error) {
    // RangeError: a stack overflow on deep nesting that MAX_DEPTH did not catch; tree-sitter copes.
    if (error === DECLINED || error instanceof RangeError) return null;
    throw error;
  }
  const located: LocatedCommand[] = [];
  const commands: ShellCommand[] = [];
  const slots = parser.commands;
  for (let i = 0; i < slots.length; i++) {
    const command = slots[i];
    if (!command) continue;
    located.push(command);
    commands.push(command.command);
  }
  return { script: { commands, hasPipe: parser.hasPipe, ok: true }, located };
}

/** Shared by every command without prefix assignments (frozen: nobody may add to it). */
const NO_ASSIGNMENTS = Object.freeze([]) as unknown as string[];

/** `{}` at `at`, followed by the end or a blank or operator that ends the word. */
function isEmptyBracesWord(text: string, at: number, end: number): boolean {
  if (text.charCodeAt(at + 1) !== RBRACE) return false;
  if (at + 2 >= end) return at + 2 === end;
  const after = text.charCodeAt(at + 2);
  return after === SPACE || after === TAB || after === NL || after === SEMI || after === PIPE || after === AMP || after === RPAREN;
}

/** `;;` at `at` that is not followed (after blanks) by `;`, `&` or `|`. */
function isLoneDoubleSemicolon(text: string, at: number, end: number): boolean {
  let i = at + 2;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i >= end) return true;
  const c = text.charCodeAt(i);
  return c !== SEMI && c !== AMP && c !== PIPE;
}

/** A non-plain word whose leading letters are `export`, `local`, `unset`, ...: tree-sitter splits it. */
function startsWithDeclarationKeyword(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && isIdentifierStart(text.charCodeAt(i))) i++;
  if (i === end) return false;
  const head = text.slice(start, i);
  return DECLARATION_KEYWORDS.has(head) || UNSET_KEYWORDS.has(head);
}

function decline(): never {
  throw DECLINED;
}

/**
 * `word()`'s mode: a simple command's argument (the only place a bare `{}` word is accepted and tree-sitter's
 * `$A-$B-x` split is modelled), a command name (which may be followed by `(`, see `nameSubshell`), or 0.
 */
const ARGUMENT_WORD = 1;
const NAME_WORD = 2;

class FastParser {
  /** Whether the last expansion `dollar` read is dynamic (all but `$'...'`). */
  private dollarDynamic = false;
  /** Whether the last "..." string `doubleQuoted` read holds an expansion. */
  private quotedDynamic = false;
  /** The last word `readWord` read. */
  private wordValue = '';
  private wordDynamic = false;
  private wordPlain = false;
  /** How many expansions (`$X`, `${X}`, `$(...)`) were read so far. */
  private expansions = 0;
  /** `reservedWordAt`'s cache: the position last looked at (-1: none) and the word found there. */
  private reservedCheckedAt = -1;
  private reservedFound: string | null = null;
  /** `hasDigitHash`'s cache: the first `#` at or after `hashFrom` (-1: not searched yet). */
  private hashFrom = 0;
  private hashAt = -1;
  /** How many `case` statements enclose the current position. */
  private caseDepth = 0;
  /** Commands in tree-sitter's pre-order; null marks a slot reserved for a command that emitted nothing. */
  readonly commands: Array<LocatedCommand | null> = [];
  hasPipe = false;
  private pos = 0;
  /** End of the text being parsed. */
  private readonly end: number;
  private depth = 0;
  /** Statements parsed by the last `statements()` call (compound bodies must not be empty). */
  private lastCount = 0;
  /**
   * True while the command about to be parsed is the first of its `&&`/`||`/`|` chain and not negated.
   * tree-sitter hangs a redirection of a later command on the whole chain, and then loses the words
   * after the redirection target (`x && a >f b`: `b` is no argument of `a`).
   */
  private chainStart = true;

  constructor(
    private readonly text: string,
    /** Positions for the lazily computed spans of the words and commands. */
    private readonly map: PositionMapper,
  ) {
    this.end = text.length;
  }

  script(): void {
    if (this.statements(null, false) !== '' || this.pos !== this.end) decline();
  }

  /** The character at the position, -1 at the end. (No optional offset: most of the first pass runs in V8's
   * interpreter, where every bytecode of a call made per character counts.) */
  private ch(): number {
    const at = this.pos;
    return at < this.end ? this.text.charCodeAt(at) : -1;
  }

  /** The character `offset` after the position, -1 past the end. */
  private peek(offset: number): number {
    const at = this.pos + offset;
    return at < this.end ? this.text.charCodeAt(at) : -1;
  }

  /** Blanks and line continuations (inside a command). Returns the character after them (-1: the end). */
  private skipBlank(): number {
    const text = this.text;
    const end = this.end;
    let pos = this.pos;
    for (;;) {
      if (pos >= end) {
        this.pos = pos;
        return -1;
      }
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB) pos++;
      else if (c === BACKSLASH) {
        const next = pos + 1 < end ? text.charCodeAt(pos + 1) : -1;
        if (next === NL) {
          // a continuation opening a line makes tree-sitter join the line to the previous statement
          if (startsLine(text, pos)) decline();
          pos += 2;
          // ... and a continuation with nothing after it is an error to it
          if (end - pos < 256 && /^\s*$/.test(text.slice(pos, end))) decline();
        }
        else if (next === SPACE || next === TAB) decline(); // tree-sitter skips `\ ` as whitespace; a shell does not
        else {
          this.pos = pos;
          return c;
        }
      } else {
        this.pos = pos;
        return c;
      }
    }
  }

  /** Blanks, newlines and comments (between statements, after `&&`, `||`, `|`). */
  private skipGap(): void {
    for (;;) {
      const c = this.skipBlank();
      if (c === NL) this.pos++;
      else if (c === HASH) this.skipComment();
      else return;
    }
  }

  private skipComment(): void {
    const newline = this.text.indexOf('\n', this.pos);
    this.pos = newline === -1 || newline > this.end ? this.end : newline;
  }

  /**
   * Statements until the end, `)` (when `closeParen`), `;;` (when `caseItem`) or one of `keywords` at
   * command position. Returns what stopped it: '', ')', ';;' or the keyword (not consumed).
   *
   * The statement, and-or list and pipeline loops are one function on purpose: V8 does not inline a
   * function this large, so they are compiled once instead of into every caller (`$(...)`, compound
   * bodies, the script), and on the cold first pass that compile time cost more than the inlining saved.
   */
  private statements(keywords: readonly string[] | null, closeParen: boolean, caseItem = false): string {
    let count = 0;
    for (;;) {
      this.skipGap();
      const c = this.ch();
      if (c === -1) {
        this.lastCount = count;
        return '';
      }
      if (caseItem && c === SEMI && this.peek(1) === SEMI) {
        this.lastCount = count;
        return ';;';
      }
      if (c === RPAREN) {
        if (!closeParen) decline();
        this.lastCount = count;
        return ')';
      }
      if (keywords) {
        const keyword = this.reservedWordAt();
        if (keyword !== null && keywords.includes(keyword)) {
          this.lastCount = count;
          return keyword;
        }
      }
      // An and-or list: pipelines joined by `&&` and `||`.
      this.chainStart = true;
      let after: number;
      for (;;) {
        // A pipeline: commands joined by `|` and `|&`.
        if (this.ch() === BANG && this.reservedWordAt() === '!') {
          // tree-sitter's negated_command: `!` then a simple command, a subshell or a test
          this.pos++;
          this.skipBlank();
          const keyword = this.reservedWordAt();
          if (keyword !== null || this.plainWordAt() === '[[' || this.assignmentAhead() || this.functionHeaderAt() !== null) decline();
          this.chainStart = false;
        }
        this.command();
        for (let commands = 1; ; commands++) {
          after = this.skipBlank();
          const next = after === PIPE ? this.peek(1) : -1;
          if (after !== PIPE || next === PIPE) {
            // tree-sitter can pull the next line into the last command of a pipeline of three or more
            // (`a | b | c<newline>d x >f` gives `c d x`), so such a pipeline must end the text or use `;`/`&&`...
            if (commands >= 3 && (after === NL || after === HASH)) decline();
            break;
          }
          this.pos += next === AMP ? 2 : 1;
          this.hasPipe = true;
          this.skipGap();
          this.chainStart = false;
          this.command();
        }
        // (`after` is still the character after the blanks: skipBlank would find the same)
        if ((after === AMP || after === PIPE) && this.peek(1) === after) {
          this.pos += 2;
          this.skipGap();
          this.chainStart = false;
        } else break;
      }
      count++;
      if (after === SEMI) {
        if (this.peek(1) === SEMI) {
          if (caseItem) continue; // the loop head returns
          // Outside any `case`, tree-sitter reads `;;` as `;` unless `;`, `&` or `|` come next (inside
          // one it may end the item, so that stays declined).
          if (this.caseDepth > 0 || !isLoneDoubleSemicolon(this.text, this.pos, this.end)) decline();
          this.pos++;
        }
        this.pos++;
      } else if (after === AMP || after === NL) {
        this.pos++;
      } else if (after === HASH) {
        this.skipComment();
      } else if (after === -1 || (after === RPAREN && closeParen)) {
        // the loop head returns
      } else {
        decline();
      }
    }
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) decline();
  }

  private command(): void {
    const c = this.ch();
    if (c === LPAREN) {
      if (this.peek(1) === LPAREN) decline(); // arithmetic command
      this.enter();
      this.pos++;
      if (this.statements(null, true) !== ')' || this.lastCount === 0) decline();
      this.pos++;
      this.depth--;
      this.redirectsAfterCompound();
      return;
    }
    if (c === 91 && this.plainWordAt() === '[') {
      const joined = this.testCommand();
      const beforeRedirects = this.pos;
      this.redirectsAfterCompound();
      // `[ x -a y ] && c >f<newline>[ ... ]`: tree-sitter may reread such a test as a command named `x`
      // (its reading depends on what follows much later), so a joined test is neither redirected nor
      // followed by `|`, `&&`, `||`
      if (joined && this.pos !== beforeRedirects) decline();
      if (joined) {
        const next = this.skipBlank();
        if (next === PIPE || (next === AMP && this.peek(1) === AMP)) decline();
      }
      return;
    }
    const keyword = this.reservedWordAt();
    if (keyword === null) {
      // One scan of the leading name characters answers both "`name() {`?" and "`NAME=`?" for most commands.
      const text = this.text;
      const end = this.end;
      NAME_RUN.lastIndex = this.pos;
      const runEnd = NAME_RUN.test(text) ? NAME_RUN.lastIndex : this.pos;
      if (isIdentifierStart(c)) {
        let at = runEnd;
        while (at < end && isBlank(text.charCodeAt(at))) at++;
        if (at < end && text.charCodeAt(at) === LPAREN) {
          const header = this.functionHeaderAt();
          if (header !== null) {
            this.functionDefinition(header);
            return;
          }
        }
      }
      this.simpleCommand(runEnd);
      return;
    }
    this.enter();
    switch (keyword) {
      case 'if':
        this.ifStatement();
        break;
      case 'for':
        this.forStatement();
        break;
      case 'while':
      case 'until':
        this.pos += keyword.length;
        this.body('do');
        this.body('done');
        break;
      case '{':
        this.pos++;
        this.body('}');
        break;
      case 'case':
        this.caseStatement();
        break;
      default:
        decline();
    }
    this.depth--;
    this.redirectsAfterCompound();
  }

  /**
   * A `#` right after a digit in `text[start + 1, end)`. The first `#` at or after `hashFrom` is
   * remembered (`hashAt`, the text's length for none), so most words, having no `#`, cost no scan, and the
   * text is searched about once in all (words come left to right).
   */
  private hasDigitHash(start: number, end: number): boolean {
    const text = this.text;
    const from = start + 1;
    let at = this.hashAt;
    if (at < from || from < this.hashFrom) {
      at = text.indexOf('#', from);
      if (at === -1) at = this.end;
      this.hashFrom = from;
      this.hashAt = at;
    }
    while (at < end) {
      if (isDigit(text.charCodeAt(at - 1))) return true;
      at = text.indexOf('#', at + 1);
      if (at === -1) return false;
    }
    return false;
  }

  /** `name() {` at the position, or null. */
  private functionHeaderAt(): RegExpExecArray | null {
    if (!isIdentifierStart(this.ch())) return null;
    // cheap look for the `(` first: most command names are not followed by one
    const text = this.text;
    let at = this.pos + 1;
    while (at < this.end && text.charCodeAt(at) < 128 && CLASS[text.charCodeAt(at)]! & NAME_CHAR) at++;
    while (at < this.end && isBlank(text.charCodeAt(at))) at++;
    if (at >= this.end || text.charCodeAt(at) !== LPAREN) return null;
    FUNCTION_HEADER.lastIndex = this.pos;
    return FUNCTION_HEADER.exec(this.text);
  }

  /**
   * `name() { ...; }`: tree-sitter's function_definition emits no command of its own, only the commands of
   * its body (a `{ }` group here; `function name`, `( )` bodies and odd names are left to tree-sitter).
   */
  private functionDefinition(header: RegExpExecArray): void {
    const name = header[1]!;
    if (RESERVED.has(name) || DECLARATION_KEYWORDS.has(name) || UNSET_KEYWORDS.has(name)) decline();
    this.enter();
    this.pos += header[0].length; // up to and including `{`
    this.body('}');
    this.depth--;
    this.redirectsAfterCompound();
  }

  /** Statements up to `keyword` (at least one), then the keyword itself. */
  private body(keyword: string): void {
    if (this.statements(STOP_AT[keyword]!, false) !== keyword || this.lastCount === 0) decline();
    this.pos += keyword.length;
  }

  private ifStatement(): void {
    this.pos += 2;
    this.body('then');
    for (;;) {
      const stop = this.statements(IF_BRANCH_STOPS, false);
      if (this.lastCount === 0) decline();
      this.pos += stop.length;
      if (stop === 'fi') return;
      if (stop === 'elif') this.body('then');
      else if (stop === 'else') {
        this.body('fi');
        return;
      } else decline();
    }
  }

  private forStatement(): void {
    this.pos += 3;
    this.skipBlank();
    const nameStart = this.pos;
    while (this.ch() !== -1 && this.ch() < 128 && CLASS[this.ch()]! & NAME_CHAR) this.pos++;
    if (this.pos === nameStart || !isBlank(this.ch())) decline();
    this.skipBlank();
    if (this.reservedWordAt() !== 'in') decline();
    this.pos += 2;
    for (let count = 0; ; count++) {
      const c = this.skipBlank();
      if (c === SEMI || c === NL) {
        if (count === 0) decline(); // tree-sitter wants at least one word after `in`
        this.pos++;
        break;
      }
      if (c === HASH) decline();
      const word = this.word(0);
      if (!word || (word.plain && RESERVED.has(word.value))) decline();
    }
    this.skipGap();
    if (this.reservedWordAt() !== 'do') decline();
    this.pos += 2;
    this.body('done');
  }

  /**
   * `case WORD in PATTERN|PATTERN) LIST ;; ... esac`. Patterns are limited to plain text and quoted strings
   * without expansions (tree-sitter reads them as extglob patterns, whose quirks are not modelled); their
   * values do not matter to the model, only the commands in the lists.
   */
  private caseStatement(): void {
    this.pos += 4;
    this.skipBlank();
    if (this.ch() === HASH || !this.word(0)) decline();
    this.skipBlank();
    if (this.reservedWordAt() !== 'in') decline();
    this.pos += 2;
    let items = 0;
    for (;;) {
      this.skipGap();
      if (this.reservedWordAt() === 'esac') break;
      if (this.ch() === LPAREN) this.pos++;
      for (;;) {
        this.skipBlank();
        this.casePattern();
        this.skipBlank();
        if (this.ch() !== PIPE) break;
        this.pos++;
      }
      if (this.ch() !== RPAREN) decline();
      this.pos++;
      const after = this.ch();
      if (after !== -1 && after !== SPACE && after !== TAB && after !== NL && after !== SEMI) decline(); // `x)*`
      items++;
      this.caseDepth++;
      const stop = this.statements(ESAC_STOPS, false, true);
      this.caseDepth--;
      if (stop === ';;') {
        if (this.peek(2) === AMP) decline(); // ;;& fall-through
        this.pos += 2;
      } else if (stop === 'esac') break;
      else decline();
    }
    if (items === 0) decline();
    this.pos += 4;
    // tree-sitter needs a blank, newline or `;` after `esac` (`esac|x` is an error to it)
    const next = this.ch();
    if (next !== -1 && next !== SPACE && next !== TAB && next !== NL && next !== SEMI) decline();
  }

  private casePattern(): void {
    const text = this.text;
    const start = this.pos;
    for (;;) {
      const c = this.ch();
      if (c === SQUOTE || c === DQUOTE) {
        const close = text.indexOf(String.fromCharCode(c), this.pos + 1);
        if (close === -1 || close >= this.end) decline();
        const inner = text.slice(this.pos + 1, close);
        if (/[$`\\\n]/.test(inner)) decline();
        this.pos = close + 1;
      } else if (c !== -1 && c < 128 && CASE_PATTERN_CHAR[c] === 1) {
        this.pos++;
      } else break;
    }
    if (this.pos === start) decline();
  }

  /** `(...) >log 2>&1`: redirections after a compound command (one target word each). */
  private redirectsAfterCompound(): void {
    for (;;) {
      this.skipBlank();
      if (!this.redirectAt()) return;
      this.redirect();
    }
  }

  /**
   * `[ ... ]`: tree-sitter parses the operands as an expression and emits no command for it (commands in
   * `$(...)` operands still count). Accepted shapes: `W`, `OP W`, `W OP W`, `! ...`, joined by -a / -o.
   * Returns whether -a / -o joined several.
   */
  private testCommand(): boolean {
    this.pos++;
    const words: FastWord[] = [];
    for (;;) {
      this.skipBlank();
      if (this.redirectAt() || this.ch() === HASH) decline();
      if (this.ch() === 93 && this.plainWordAt() === ']') {
        this.pos++;
        break;
      }
      const word = this.word(0);
      if (!word) decline();
      // the operands are read in expression context, where tree-sitter's scanner sees variable names
      words.push(word);
    }
    let at = 0;
    let joined = false;
    for (;;) {
      at = this.testPrimary(words, at);
      const joiner = words[at];
      if (joiner === undefined || !joiner.plain || (joiner.value !== '-a' && joiner.value !== '-o')) break;
      at++;
      joined = true;
    }
    if (at !== words.length) decline();
    return joined;
  }

  /** `! ... `, `OP W`, `W` or `W OP W` from `words[at]` on; returns the index after it. */
  private testPrimary(words: readonly FastWord[], at: number): number {
    let word = words[at];
    while (word !== undefined && word.plain && word.value === '!') word = words[++at];
    if (word !== undefined && word.plain && !TEST_BINARY.has(word.value) && /^-[A-Za-z]+$/.test(word.value)) {
      this.testOperand(words[at + 1]);
      return at + 2;
    }
    this.testOperand(word);
    const operator = words[at + 1];
    if (operator !== undefined && operator.plain && TEST_BINARY.has(operator.value)) {
      this.testOperand(words[at + 2]);
      return at + 3;
    }
    return at + 1;
  }

  private testOperand(word: FastWord | undefined): void {
    if (!word) decline();
    if (word.plain && TEST_NOT_OPERAND.has(word.value)) decline();
    // Operands are read in expression context: brackets end or nest tests (`[ "x"] ]`), a leading `-`,
    // `~`, `+`, `!` is an operator, the scanner sees variable names (`a%s`, `?x`), `$'...'` confuses it.
    // `${NAME...}` expansions (already validated by the word parser) are no brackets in this sense.
    const raw = this.text.slice(word.start, word.end).replace(BRACED_EXPANSION, '$X');
    if (/[[\]{}]|\$'|^[?*@~+!-]/.test(raw) && !/^-\d+$/.test(raw)) decline();
    if (looksLikeVariableName(this.text, word.start, word.end)) decline();
  }

  /** True when an assignment (`NAME=`, `NAME+=`) starts at the position. */
  private assignmentAhead(): boolean {
    return /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(this.text.slice(this.pos, this.pos + 256));
  }

  /**
   * The reserved word at the position, or null. It must be the whole word: followed by a blank, a
   * newline, `;`, `&`, `|`, `)` or the end (`{` and the openers need a blank or newline).
   */
  private reservedWordAt(): string | null {
    const start = this.pos;
    // Asked several times at each statement start (statements, pipeline, command): remembered per position.
    if (start === this.reservedCheckedAt) return this.reservedFound;
    const word = this.readReservedWord(start);
    this.reservedCheckedAt = start;
    this.reservedFound = word;
    return word;
  }

  private readReservedWord(start: number): string | null {
    const first = start < this.end ? this.text.charCodeAt(start) : -1;
    if (first === -1 || first >= 128 || RESERVED_FIRST[first] !== 1) return null;
    RESERVED_WORD_AT.lastIndex = start;
    if (!RESERVED_WORD_AT.test(this.text)) return null;
    const at = RESERVED_WORD_AT.lastIndex;
    const word = this.text.slice(start, at);
    const next = at < this.end ? this.text.charCodeAt(at) : -1;
    if (next === -1 || next === SPACE || next === TAB || next === NL) return word;
    if (next === SEMI || next === AMP || next === PIPE || next === RPAREN) {
      return word === 'if' || word === 'for' || word === 'while' || word === 'until' || word === '{' ? decline() : word;
    }
    return null;
  }

  /** A simple command; `nameRunEnd` ends the run of name characters (`[A-Za-z0-9_]`) at the position. */
  private simpleCommand(nameRunEnd: number): void {
    const chainStart = this.chainStart;
    const slot = this.commands.length;
    this.commands.push(null); // the command precedes the commands nested in its words
    const start = this.pos;
    let assignments = NO_ASSIGNMENTS;
    // Only `NAME=`, `NAME+=` (or `NAME[`, declined) can be an assignment.
    const afterName = nameRunEnd < this.end ? this.text.charCodeAt(nameRunEnd) : -1;
    const mayAssign = afterName === 61 /* = */ || afterName === 43 /* + */ || afterName === 91; /* [ */
    while (mayAssign) {
      const assignment = this.assignment();
      if (assignment === null) break;
      if (assignments === NO_ASSIGNMENTS) assignments = [];
      assignments.push(assignment.value);
      this.skipBlank();
    }
    const c = this.ch();
    if (c === -1 || c === SEMI || c === AMP || c === PIPE || c === NL || c === RPAREN || c === HASH) {
      if (assignments.length === 0) decline();
      // tree-sitter continues `A=1 B=2<newline>cmd` as one command with two prefix assignments
      if (assignments.length > 1 && (c === NL || c === HASH)) decline();
      return; // assignments only: no command
    }
    if ((c === LT || c === GT || isDigit(c)) && this.redirectAt()) decline(); // redirections before the name
    if (assignments.length === 0) {
      // (the first letter and the name's length (5 to 8) spare most command names the slice)
      const first = this.ch();
      const nameLength = nameRunEnd - start;
      const keyword = nameLength >= 5 && nameLength <= 8 && first < 128 && DECLARATION_FIRST[first] === 1 ? this.plainWordAt() : null;
      if (keyword !== null && (DECLARATION_KEYWORDS.has(keyword) || UNSET_KEYWORDS.has(keyword))) {
        this.declaration(slot, keyword);
        return;
      }
    } else if (this.reservedWordAt() !== null) decline();

    // (the name word is read into locals: no word object per command)
    const nameStart = this.pos;
    if (!this.readWord(NAME_WORD)) decline();
    const nameEnd = this.pos;
    const nameValue = this.wordValue;
    const nameDynamic = this.wordDynamic;
    const namePlain = this.wordPlain;
    if (looksLikeVariableName(this.text, nameStart, nameEnd)) decline();
    // `export'$' A=x`: tree-sitter takes the keyword off the front of the word (a declaration command)
    if (!namePlain && startsWithDeclarationKeyword(this.text, nameStart, nameEnd)) decline();
    const initial = this.text.charCodeAt(nameStart);
    if (initial === BANG) decline(); // `![`: tree-sitter sees a negation
    if (namePlain && nameValue === '-') decline();
    const words: ShellWord[] = [];
    const args: string[] = [];
    // The end of the last word of the command, and whether that word is an argument that is a plain `-`.
    let lastEnd = nameEnd;
    let lastIsDash = false;
    if (this.ch() === LPAREN) {
      if (RESERVED.has(nameValue)) decline();
      const subshell = this.nameSubshell();
      words.push(this.shellWord(subshell));
      args.push(subshell.value);
      lastEnd = subshell.end;
      const next = this.skipBlank();
      // anything but the end of the command after it is an error to tree-sitter
      if (!(next === -1 || next === SEMI || next === PIPE || next === NL || next === RPAREN || (next === AMP && this.peek(1) !== GT))) decline();
    }
    let redirected = false;
    for (;;) {
      const next = this.skipBlank();
      // (one table lookup sends the usual word start, a letter, `-`, `$` or a quote, straight to readWord)
      const kind = next === -1 ? ENDS_COMMAND : next < 128 ? AFTER_ARGUMENT[next]! : 0;
      if (kind !== 0) {
        if (kind === ENDS_COMMAND) break;
        if (next === AMP && this.peek(1) !== GT) break;
        if (this.redirectAt()) {
          // tree-sitter drops a lone `-` before `2>file`
          if (lastIsDash && isDigit(this.ch())) decline();
          this.redirect();
          redirected = true;
          continue;
        }
      }
      // In a later command of a chain tree-sitter hangs the redirection on the whole chain and reads every
      // word after it as one more redirection target: those words are no arguments (their `$(...)`s still count).
      const lost = redirected && !chainStart;
      const wordStart = this.pos;
      if (!this.readWord(lost ? 0 : ARGUMENT_WORD)) decline();
      const value = this.wordValue;
      const plain = this.wordPlain;
      if (plain && (value === '==' || value === '=~')) decline(); // tree-sitter drops the operator word
      if (!lost) {
        words.push(new LazyShellWord(value, this.wordDynamic, this.text, this.map, wordStart, this.pos));
        args.push(value);
        lastEnd = this.pos;
        lastIsDash = plain && value === '-';
      }
    }
    if (nameDynamic) return; // `$PM install`: the command is unknown
    let name = nameValue;
    const effective = effectiveCommand(name, words);
    if (effective) {
      if (effective.dynamic) return;
      name = effective.value;
    }
    this.commands[slot] = this.located(name, words, args, assignments, start, lastEnd, nameStart, nameEnd);
  }

  private shellWord(word: FastWord): ShellWord {
    return new LazyShellWord(word.value, word.dynamic, this.text, this.map, word.start, word.end);
  }

  private located(
    name: string,
    words: ShellWord[],
    args: string[],
    assignments: string[],
    start: number,
    end: number,
    nameStart: number,
    nameEnd: number,
  ): LocatedCommand {
    const command = new LazyShellCommand(name, args, words, assignments, this.text, this.map, start, end);
    return { command, start, end, nameStart, nameEnd };
  }

  /**
   * `name(...)` (a Python call in an exec-form HEALTHCHECK joined into a script): tree-sitter reads the
   * parenthesised part as a subshell argument of `name`, whose value is its source text; its commands count.
   */
  private nameSubshell(): FastWord {
    const start = this.pos;
    const expansionsBefore = this.expansions;
    this.enter();
    this.pos++;
    if (this.statements(null, true) !== ')' || this.lastCount === 0) decline();
    this.pos++;
    this.depth--;
    const end = this.pos;
    return { start, end, value: this.text.slice(start, end), dynamic: this.expansions > expansionsBefore, plain: false };
  }

  /** `export A=1 B`, `local x`, `unset -f f`: the keyword names the command, every word is an argument. */
  private declaration(slot: number, keyword: string): void {
    const start = this.pos;
    this.pos += keyword.length;
    const words: ShellWord[] = [];
    const args: string[] = [];
    let end = start + keyword.length;
    const isUnset = UNSET_KEYWORDS.has(keyword);
    for (;;) {
      const next = this.skipBlank();
      if (next === -1 || next === SEMI || next === PIPE || next === NL || next === RPAREN || next === HASH) break;
      if (next === AMP && this.peek(1) !== GT) break;
      if (this.redirectAt()) decline();
      const wordStart = this.pos;
      const assignment = this.assignment();
      let word: FastWord | null;
      if (assignment !== null) {
        if (isUnset) decline();
        word = { start: wordStart, end: this.pos, value: assignment.value, dynamic: assignment.dynamic, plain: false };
      } else {
        // tree-sitter splits `unset a"x"`, `export then$a` after a leading name: only plain words are taken
        word = this.word(0);
        if (word && (!word.plain || word.value.includes('=') || word.value === '-' || looksLikeVariableName(this.text, word.start, word.end))) decline();
      }
      if (!word) decline();
      if (word.plain && (word.value === '==' || word.value === '=~')) decline();
      words.push(this.shellWord(word));
      args.push(word.value);
      end = word.end;
    }
    this.commands[slot] = this.located(keyword, words, args, NO_ASSIGNMENTS, start, end, start, start + keyword.length);
  }

  /** The unquoted literal word at the position (for keyword checks), or null. */
  private plainWordAt(): string | null {
    PLAIN_WORD_AT.lastIndex = this.pos;
    return PLAIN_WORD_AT.test(this.text) ? this.text.slice(this.pos, PLAIN_WORD_AT.lastIndex) : null;
  }

  /** `NAME=word` / `NAME+=word` at the position: consumed, as `NAME=value`; otherwise null. */
  private assignment(): WordValue | null {
    const start = this.pos;
    let at = start;
    const first = this.ch();
    if (first === -1 || first >= 128 || !(CLASS[first]! & NAME_CHAR) || (first >= 48 && first <= 57)) return null;
    while (at < this.end) {
      const c = this.text.charCodeAt(at);
      if (c >= 128 || !(CLASS[c]! & NAME_CHAR)) break;
      at++;
    }
    let operatorEnd: number;
    const c = at < this.end ? this.text.charCodeAt(at) : -1;
    if (c === 61) operatorEnd = at + 1; // =
    else if (c === 43 && at + 1 < this.end && this.text.charCodeAt(at + 1) === 61) operatorEnd = at + 2; // +=
    else {
      if (c === 91) decline(); // NAME[...]: maybe an array element assignment
      return null;
    }
    this.pos = operatorEnd;
    const next = this.ch();
    if (next === LPAREN) decline(); // array
    const prefix = this.text.slice(start, operatorEnd);
    if (next === HASH) decline(); // `A=#...`: tree-sitter's comment-word rules
    if (next === -1 || (next < 128 && CLASS[next]! & WORD_END)) {
      // an empty value must end at a blank, newline, `;`, `&` or the end (`A=|`, `(A=)` are errors to tree-sitter)
      if (next === LPAREN || next === RPAREN || next === PIPE || next === LT || next === GT) decline();
      return { value: prefix, dynamic: false };
    }
    const value = this.word(0);
    if (!value) decline();
    return { value: prefix + value.value, dynamic: value.dynamic };
  }

  /** True at a redirection operator (optionally after a file descriptor number). */
  private redirectAt(): boolean {
    REDIRECT_AT.lastIndex = this.pos;
    return REDIRECT_AT.test(this.text);
  }

  /** One redirection with its target word; here-documents, here-strings, `<(...)`, `>&-` decline. */
  private redirect(): void {
    if (this.ch() === 48) decline(); // tree-sitter's scanner does not take `0<` as a descriptor
    while (this.ch() >= 48 && this.ch() <= 57) this.pos++;
    const c = this.ch();
    const next = this.peek(1);
    if (c === AMP) {
      this.pos += next === GT && this.peek(2) === GT ? 3 : 2; // &> &>>
    } else if (c === GT) {
      if (next === GT || next === AMP || next === PIPE) this.pos += 2;
      else if (next === LPAREN) decline();
      else this.pos++;
    } else {
      // <
      if (next === LT || next === GT || next === LPAREN) decline(); // << <<< <> <(
      this.pos += next === AMP ? 2 : 1;
    }
    if (this.ch() === 45 /* - */ && this.text.charCodeAt(this.pos - 1) === AMP) decline(); // >&- <&-
    this.skipBlank();
    if (this.ch() === HASH) decline(); // a comment, not a target
    const target = this.word(0);
    if (!target) decline();
  }

  /** One word (null when the position holds no word): value, dynamic, extent. `mode`: see ARGUMENT_WORD. */
  private word(mode: number): FastWord | null {
    const start = this.pos;
    if (!this.readWord(mode)) return null;
    return { start, end: this.pos, value: this.wordValue, dynamic: this.wordDynamic, plain: this.wordPlain };
  }

  /**
   * `word()` without the object: false when the position holds no word, else the word is consumed and
   * described by `wordValue`, `wordDynamic`, `wordPlain` (it ends at the position). The argument loop reads
   * these straight into its `LazyShellWord`.
   */
  private readWord(mode: number): boolean {
    const text = this.text;
    const end = this.end;
    const start = this.pos;
    // Most words are one run of plain text ended by a blank or an operator: read without the piece loop
    // below, which gives the same result for them. (`<`, `>` and `(` after the run, a lone `-` and
    // everything else take that loop.)
    PLAIN_RUN.lastIndex = start;
    if (PLAIN_RUN.test(text)) {
      const runEnd = PLAIN_RUN.lastIndex;
      const after = runEnd < end ? text.charCodeAt(runEnd) : -1;
      if (
        (after === -1 || (after < 128 && CLASS[after]! & WORD_END && after !== LT && after !== GT && after !== LPAREN)) &&
        !(runEnd - start === 1 && text.charCodeAt(start) === 45) /* - */
      ) {
        this.pos = runEnd;
        this.wordValue = text.slice(start, runEnd);
        this.wordDynamic = false;
        this.wordPlain = true;
        return true;
      }
    }
    // A `#` seen in the word's text runs (a plain word's only `#`s; others are searched for at the end).
    let sawHash = false;
    let value = '';
    let dynamic = false;
    let plain = true;
    let afterTextPiece = false;
    // Only for this word itself, not for words of a `$(...)` inside it.
    const bracesArgument = mode === ARGUMENT_WORD;
    const splitAllowed = mode === ARGUMENT_WORD;
    const parenAllowed = mode === NAME_WORD;
    // Pieces of the word so far, as tree-sitter's concatenation counts them: a run of text and escapes is
    // one, every quoted string and expansion is one.
    let pieces = 0;
    for (;;) {
      if (this.pos >= end) break;
      const c = text.charCodeAt(this.pos);
      const continued = !plain; // an earlier piece of this word was quoted, escaped or expanded
      const afterText = afterTextPiece;
      afterTextPiece = false;
      const textPiece = c >= 128 || (CLASS[c]! & PLAIN) !== 0;
      if (!afterText || !(textPiece || c === BACKSLASH)) pieces++;
      if (textPiece) {
        // The bulk of the run in one native scan; the loop below then sees only the character that stopped it.
        PLAIN_RUN.lastIndex = this.pos;
        let at = PLAIN_RUN.test(text) ? PLAIN_RUN.lastIndex : this.pos;
        while (at < end) {
          const d = text.charCodeAt(at);
          if (d < 128) {
            const cls = CLASS[d]!;
            // one test for the common case: plain text that needs no second look
            if ((cls & (PLAIN | WATCHED)) !== PLAIN) {
              if (!(cls & PLAIN)) break;
              if (d === HASH) sawHash = true;
              // A whole-word `{}` argument (`find -exec rm {} \;`, `xargs -I {}`) is plain text to tree-sitter.
              else if (d === LBRACE && at === start && bracesArgument && isEmptyBracesWord(text, at, end)) {
                at += 2;
                continue;
              }
              // unquoted { } [ ]: tree-sitter's brace/bracket tokens join and split words in ways not modelled
              else decline();
            }
          }
          at++;
        }
        value += text.slice(this.pos, at);
        this.pos = at;
        afterTextPiece = true;
        continue;
      }
      if (CLASS[c]! & WORD_END) {
        // `-2>x`, `$1>x`, `*2>x`: tree-sitter reads the digit as a file descriptor
        if ((c === LT || c === GT) && isDigit(text.charCodeAt(this.pos - 1))) decline();
        afterTextPiece = afterText;
        break;
      }
      plain = false;
      if (c === BACKSLASH) {
        // tree-sitter starts a new word at a `\` that follows a quote, an expansion or a bracket
        if (this.pos !== start && !afterText) decline();
        // ... and glues a `\` that starts a line to the previous line's command
        if (this.pos === start && start > 0 && text.charCodeAt(start - 1) === NL) decline();
        afterTextPiece = true;
        const next = this.peek(1);
        // tree-sitter: `\ ` inside a word is part of it, at its start whitespace; `\<tab>`, `\<newline>` split it
        if (next === -1 || next === NL || next === TAB || (next === SPACE && this.pos === start)) decline();
        value += text[this.pos + 1];
        this.pos += 2;
      } else if (c === SQUOTE) {
        const close = text.indexOf("'", this.pos + 1);
        if (close === -1 || close >= this.end) decline();
        value += text.slice(this.pos + 1, close);
        this.pos = close + 1;
      } else if (c === DQUOTE) {
        value += this.doubleQuoted();
        dynamic ||= this.quotedDynamic;
      } else if (c === DOLLAR) {
        const expansion = this.unquotedDollar(start, continued, splitAllowed, pieces);
        if (expansion === null) {
          value += '$';
          break; // the `$` is text: no expansion
        }
        value += expansion;
        dynamic ||= this.dollarDynamic;
      } else {
        // backticks: tree-sitter's reading depends on every other backtick in the script (escaped ones
        // included, even in later strings); they are rare in Dockerfiles, so they are left to it
        decline();
      }
    }
    if (this.pos === start) return false;
    // `a(`: extglob or a syntax error, except right after a plain command name (see `nameSubshell`)
    if (this.pos < end && text.charCodeAt(this.pos) === LPAREN && !(parenAllowed && plain)) decline();
    // `-1#x`, `"$a"0#`: a number with a base (`N#digits`) to tree-sitter
    if ((sawHash || !plain) && this.hasDigitHash(start, this.pos)) decline();
    if (plain) {
      // a lone `-` before `2>f` vanishes from tree-sitter's tree
      if (value === '-') {
        let at = this.pos;
        while (at < this.end && isBlank(text.charCodeAt(at))) at++;
        if (at < this.end && isDigit(text.charCodeAt(at))) decline();
      }
    }
    this.wordValue = value;
    this.wordDynamic = dynamic;
    this.wordPlain = plain;
    return true;
  }

  /**
   * An expansion piece of an unquoted word (the word started at `start`), consumed; null when tree-sitter
   * splits the word after this `$` (only the `$` is consumed then). Kept out of `word()`: a smaller hot
   * function is cheaper to optimise.
   */
  private unquotedDollar(start: number, continued: boolean, splitAllowed: boolean, pieces: number): string | null {
    const dollarAt = this.pos;
    const next = this.peek(1);
    const simple = next !== LBRACE && next !== LPAREN && next !== SQUOTE;
    const expansion = this.dollar(false);
    if (expansion === null) decline();
    const dynamic = this.dollarDynamic;
    // tree-sitter splits `$A-$B-x` into two words after the second `$` (`$A-$`, `B-x`): a `$NAME`
    // that is the third or a later piece of the word, with more text after the name (not
    // `= : % # @ ?`, which its scanner takes as part of a variable name, nor a quote or `$`).
    // Modelled only for a command's arguments; elsewhere (test operands, targets, ...) a `$NAME` after an
    // earlier quoted/escaped/expanded piece with more text after it is declined.
    if (simple && continued) {
      const after = this.ch();
      if (!splitAllowed) {
        if (after !== -1 && !(after < 128 && CLASS[after]! & WORD_END)) decline();
      } else if (pieces >= 3 && splitsAfterName(after)) {
        this.pos = dollarAt + 1;
        return null;
      }
    }
    if (dynamic) this.expansions++;
    // ... and it splits `x$A$10` before `10` and reads `""$$` as text: `$N`, `$$`, `$@`... are accepted
    // only at a word's start
    if (simple && dollarAt !== start && !isIdentifierStart(this.text.charCodeAt(dollarAt + 1))) decline();
    return expansion;
  }

  /** A "..." string's value; whether it holds an expansion is left in `quotedDynamic` (no object per string). */
  private doubleQuoted(): string {
    const text = this.text;
    this.pos++;
    let value = '';
    let dynamic = false;
    // Where the current run of literal text started (after the quote or the last expansion).
    let textStart = this.pos;
    for (;;) {
      const c = this.ch();
      if (c === -1) decline();
      if (c === DQUOTE) {
        this.pos++;
        this.quotedDynamic = dynamic;
        return value;
      }
      if (c === BACKSLASH) {
        const next = this.peek(1);
        // `\ ` is whitespace to tree-sitter even here (it can fold into a following expansion)
        if (next === -1 || next === NL || next === SPACE || next === TAB) decline();
        // only $ ` " \ are escaped inside double quotes; elsewhere the backslash stays
        value += next === DOLLAR || next === BACKTICK || next === DQUOTE || next === BACKSLASH ? text[this.pos + 1] : text.slice(this.pos, this.pos + 2);
        this.pos += 2;
      } else if (c === DOLLAR) {
        // Blanks right after the opening quote, an expansion or a newline are no text to tree-sitter: it
        // stretches the next expansion over them (`"$A $B"`). The blanks leave the value, and a `$NAME`'s
        // value becomes `${` + its source text without the first blank + `}` (`${$B}`, `${ $B}` for two).
        let blanks = this.pos;
        while (blanks > textStart && isBlank(text.charCodeAt(blanks - 1))) blanks--;
        const stretched = blanks < this.pos && (blanks === textStart || text.charCodeAt(blanks - 1) === NL);
        const dollarAt = this.pos;
        const expansion = this.dollar(true);
        if (expansion === null) {
          if (stretched) decline();
          value += '$';
          this.pos++;
        } else {
          const expansionDynamic = this.dollarDynamic;
          if (expansionDynamic) this.expansions++;
          if (stretched) {
            value = value.slice(0, value.length - (dollarAt - blanks));
            const next = text.charCodeAt(dollarAt + 1);
            // `${...}` and `$(...)` keep their values; a `$NAME` / `$@` node's value is made from its text
            value += next === LBRACE || next === LPAREN ? expansion : '${' + text.slice(blanks + 1, this.pos) + '}';
          } else value += expansion;
          dynamic ||= expansionDynamic;
          textStart = this.pos;
        }
      } else if (c === BACKTICK) {
        decline();
      } else {
        QUOTED_RUN.lastIndex = this.pos;
        QUOTED_RUN.test(text); // matches at least the character at the position
        const at = QUOTED_RUN.lastIndex;
        value += text.slice(this.pos, at);
        this.pos = at;
      }
    }
  }

  /**
   * An expansion at `$`, consumed, as its value; null (nothing consumed) when `$` is literal here. Whether
   * it is dynamic is left in `dollarDynamic` (set last, after any nested `$(...)`; no object per expansion).
   */
  private dollar(quoted: boolean): string | null {
    const text = this.text;
    const next = this.peek(1);
    if (next === -1) return quoted ? null : decline();
    // `"a$<newline>B"`, `"$ x"`: tree-sitter reads a variable name across the blank
    if (next === NL || next === SPACE || next === TAB || next >= 128) decline(); // ... or a Unicode name (`$é`)
    if (next < 128 && CLASS[next]! & NAME_CHAR) {
      // tree-sitter takes every word character: `$10` is `${10}`, `$1a` is `${1a}`
      let at = this.pos + 2;
      while (at < this.end) {
        const d = text.charCodeAt(at);
        if (d >= 128 || !(CLASS[d]! & NAME_CHAR)) break;
        at++;
      }
      if (at < this.end && text.charCodeAt(at) >= 128) decline();
      const name = text.slice(this.pos + 1, at);
      this.pos = at;
      this.dollarDynamic = true;
      return '${' + name + '}';
    }
    switch (next) {
      case 91: // $[arithmetic]
        return decline();
      case 42: // *
      case 64: // @
      case 63: // ?
      case BANG:
      case HASH:
      case 45: // -
      case DOLLAR: {
        // `$@a#b` is `${@a}#b` to tree-sitter; a special parameter followed by name characters is declined
        const after = this.peek(2);
        if (after !== -1 && (after >= 128 || CLASS[after]! & NAME_CHAR)) decline();
        this.pos += 2;
        this.dollarDynamic = true;
        return '${' + String.fromCharCode(next) + '}';
      }
      case LBRACE: {
        const value = this.braced();
        this.dollarDynamic = true;
        return value;
      }
      case LPAREN:
        if (this.peek(2) === LPAREN) decline(); // $((arithmetic))
        this.enter();
        this.pos += 2;
        if (this.statements(null, true) !== ')' || this.lastCount === 0) decline();
        this.pos++;
        this.depth--;
        this.dollarDynamic = true;
        return '${VAR}';
      case SQUOTE: {
        if (quoted) return null;
        // $'...': tree-sitter's token is /\$'([^']|\\')*'/; an escaped quote makes its extent ambiguous
        const close = text.indexOf("'", this.pos + 2);
        if (close === -1 || close >= this.end) decline();
        const inner = text.slice(this.pos + 2, close);
        if (inner.endsWith('\\')) decline();
        this.pos = close + 1;
        this.dollarDynamic = false;
        return decodeAnsiC(inner);
      }
      default:
        return quoted ? null : decline();
    }
  }

  /** `${NAME}`, `${#NAME}`, `${NAME<op>text}` with plain text; anything richer declines. */
  private braced(): string {
    const text = this.text;
    let at = this.pos + 2;
    const first = at < this.end ? text.charCodeAt(at) : -1;
    let name: string;
    if (first === HASH || first === BANG) {
      at++;
      const nameStart = at;
      while (at < this.end && text.charCodeAt(at) < 128 && CLASS[text.charCodeAt(at)]! & NAME_CHAR) at++;
      if (at === nameStart || at >= this.end || text.charCodeAt(at) !== RBRACE) decline();
      name = text.slice(nameStart, at);
    } else if (first !== -1 && first < 128 && CLASS[first]! & NAME_CHAR) {
      const nameStart = at;
      while (at < this.end && text.charCodeAt(at) < 128 && CLASS[text.charCodeAt(at)]! & NAME_CHAR) at++;
      name = text.slice(nameStart, at);
      if (at < this.end && text.charCodeAt(at) !== RBRACE) {
        if (first >= 48 && first <= 57) decline();
        const operator = EXPANSION_OPERATORS.find((op) => text.startsWith(op, at));
        if (!operator) decline();
        at += operator.length;
        // Bracket expressions in a pattern (`${V%%[a-z]*}`) are plain operand text to tree-sitter.
        // A `]` without an open `[` before it is a syntax error to tree-sitter, so the depth is tracked.
        const pattern = PATTERN_OPERATORS.has(operator);
        let brackets = 0;
        while (at < this.end) {
          const c = text.charCodeAt(at);
          if (c === RBRACE) break;
          if (c < 128 && !(CLASS[c]! & PLAIN)) decline();
          if (c === LBRACE || c === BANG || (!pattern && (c === 91 || c === 93))) decline(); // { [ ] !
          if (c === 91) brackets++;
          else if (c === 93 && --brackets < 0) decline();
          at++;
        }
      }
    } else if (first === 64 || first === 42) {
      name = String.fromCharCode(first); // ${@} ${*}
      at++;
    } else decline();
    if (at >= this.end || text.charCodeAt(at) !== RBRACE) decline();
    this.pos = at + 1;
    return '${' + name + '}';
  }


}

/**
 * Where an assignment may start, tree-sitter's scanner reads `NAME=`, `NAME[`, `NAME:`, `NAME%`,
 * `NAME#`, `NAME@`, `NAME+`, `NAME?x` (and odder prefixes such as `--opt=`) as a variable name; such a
 * command name or declaration argument is left to tree-sitter.
 */
function looksLikeVariableName(text: string, start: number, end: number): boolean {
  // Matched in place first (no slice for the usual "no"); the text past the word can only add matches, so
  // a miss is final, and a match inside the word's first 256 characters is one the slice has too.
  VARIABLE_NAME_AT.lastIndex = start;
  if (!VARIABLE_NAME_AT.test(text)) return false;
  if (VARIABLE_NAME_AT.lastIndex <= Math.min(end, start + 256)) return true;
  return VARIABLE_NAME_LIKE.test(text.slice(start, Math.min(end, start + 256)));
}
// The scanner's letters are Unicode letters (`éA=1 cmd` is an assignment to it).
const VARIABLE_NAME_LIKE = /^[A-Za-z0-9_*@?\u0080-\uffff-]+[=[:%#@+?]/;
const VARIABLE_NAME_AT = /[A-Za-z0-9_*@?\u0080-\uffff-]+[=[:%#@+?]/y;

/** True when only blanks stand between `at` and the start of its line (or of the text). */
function startsLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  return i < 0 || text.charCodeAt(i) === NL;
}

/** After `$NAME` in `$A-$NAME`: a character that makes tree-sitter end the word before `NAME`. */
function splitsAfterName(c: number): boolean {
  if (c === -1 || c >= 128) return false; // the end, or a Unicode name character (declined by dollar())
  if (c === BACKSLASH) return true;
  return (CLASS[c]! & PLAIN) !== 0 && !NAME_LIKE_SUFFIX.has(c);
}
const NAME_LIKE_SUFFIX = new Set([...'=:%#@?'].map((ch) => ch.charCodeAt(0)));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
