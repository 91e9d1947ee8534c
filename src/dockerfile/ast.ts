/**
 * The Dockerfile syntax tree produced by `parseDockerfile`. Every node carries 1-based line/column spans.
 * The parser is faithful to BuildKit: continuation lines are joined the way BuildKit joins them, heredocs
 * are read for RUN/COPY/ADD (and other instructions where BuildKit allows them), and unknown flags are kept
 * (the linter reports them, the parser never drops the file for them).
 */
import type { Span } from '../core/finding.js';

export interface Directives {
  /** `# syntax=` value, if given in the directive block at the top. */
  syntax?: string;
  /** Escape character: `\` by default, or the `# escape=` value (`\` or `` ` ``). */
  escape: string;
  /** `# check=` value (e.g. `skip=JSONArgsRecommended;error=true`). */
  check?: string;
  /** Spans of the directive comments, in order. */
  spans: Span[];
}

/** A `--name=value` (or bare `--name`) flag on FROM/RUN/COPY/ADD/HEALTHCHECK. */
export interface Flag {
  /** Name without the leading dashes, as written (BuildKit flags are lower-case). */
  name: string;
  /** Text after `=`, with surrounding quotes removed; `null` for a bare `--name`. */
  value: string | null;
  span: Span;
}

export interface Heredoc {
  /** Delimiter word with quotes removed (`EOF` for `<<"EOF"`, `<<'E'OF`, `<<EOF`). */
  delimiter: string;
  /** True when any part of the delimiter was quoted: the body is not expanded. */
  quoted: boolean;
  /** `<<-`: leading tabs are stripped from body lines and from the terminator. */
  stripTabs: boolean;
  /** File descriptor prefix (`3<<EOF`), when given. */
  fd?: number;
  /** The body lines joined with `\n` (tabs already stripped for `<<-`), without the terminator line. */
  body: string;
  /** Span of the `<<EOF` marker on the instruction line. */
  markerSpan: Span;
  /** From the first body line to the end of the terminator line (or end of file when unterminated). */
  bodySpan: Span;
  /** False when the file ended before the terminator (a DL1000 finding is also emitted). */
  terminated: boolean;
}

/** Exec form `["a","b"]` or shell form `a b`. */
export type CommandForm =
  | { form: 'exec'; args: string[]; span: Span }
  | {
      form: 'shell';
      /** Shell text: continuation lines joined as BuildKit joins them (comment lines inside removed). */
      script: string;
      span: Span;
      /**
       * Maps an offset in `script` to a position in the file, so that shell nodes can be reported at
       * their real line:column even across continuation lines.
       */
      offsetToPosition(offset: number): { line: number; column: number };
    };

export interface ImageRef {
  /** The text as written (`${REG}/app:1.0 `trimmed). */
  raw: string;
  /** Registry host, only when the first path segment has `.` or `:` or is `localhost` (Docker's rule). */
  registry?: string;
  /** Repository path without registry (`library/nginx`, `nginx`, `$IMG`). */
  name: string;
  tag?: string;
  digest?: string;
}

interface InstructionBase {
  /** Upper-case keyword (`RUN`); the original spelling is in `keywordRaw`. */
  keyword: string;
  keywordRaw: string;
  /** Whole instruction: keyword through its last continuation line, including heredoc bodies. */
  span: Span;
  keywordSpan: Span;
  flags: Flag[];
  /**
   * Everything after the keyword (and after flags for instructions that take flags), continuation lines
   * joined, heredoc bodies excluded. Rules that need the original text use this.
   */
  rawArgs: string;
  argsSpan: Span;
  heredocs: Heredoc[];
}

export interface FromInstruction extends InstructionBase {
  keyword: 'FROM';
  image: ImageRef;
  alias?: string;
  aliasSpan?: Span;
  /** Value of `--platform`, if any. */
  platform?: string;
}

/** RUN, CMD, ENTRYPOINT, SHELL. For heredoc RUNs `command` is the shell text on the RUN line itself. */
export interface CommandInstruction extends InstructionBase {
  keyword: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'SHELL';
  command: CommandForm;
}

export interface HealthcheckInstruction extends InstructionBase {
  keyword: 'HEALTHCHECK';
  /** `null` for `HEALTHCHECK NONE`. */
  command: CommandForm | null;
  none: boolean;
}

export interface CopyInstruction extends InstructionBase {
  keyword: 'COPY' | 'ADD';
  /** Sources as written (quotes removed in JSON form; in shell form split on whitespace). */
  sources: string[];
  dest: string;
  /** Span of each source, same order as `sources`. */
  sourceSpans: Span[];
  destSpan: Span;
  form: 'exec' | 'shell';
}

export interface KeyValue {
  key: string;
  /** Value with quotes removed and escapes applied, as BuildKit stores it. */
  value: string;
  span: Span;
}

/** ENV and LABEL (several `k=v` pairs, or the legacy `ENV k v` form). */
export interface KeyValueInstruction extends InstructionBase {
  keyword: 'ENV' | 'LABEL';
  pairs: KeyValue[];
}

export interface ArgDeclaration {
  name: string;
  /** Default value with quotes removed, or undefined when none is given. */
  defaultValue?: string;
  span: Span;
}

export interface ArgInstruction extends InstructionBase {
  keyword: 'ARG';
  args: ArgDeclaration[];
}

export interface OnbuildInstruction extends InstructionBase {
  keyword: 'ONBUILD';
  /** The wrapped instruction (spans are real file positions), or null when it could not be parsed. */
  inner: Instruction | null;
}

/** EXPOSE, USER, WORKDIR, VOLUME, STOPSIGNAL, MAINTAINER and unknown keywords. */
export interface GenericInstruction extends InstructionBase {
  keyword: 'EXPOSE' | 'USER' | 'WORKDIR' | 'VOLUME' | 'STOPSIGNAL' | 'MAINTAINER' | 'UNKNOWN';
  /**
   * Arguments split the way BuildKit splits them: EXPOSE/VOLUME words (VOLUME also accepts JSON), the
   * single USER/WORKDIR/STOPSIGNAL/MAINTAINER string (trimmed; quotes are kept as written).
   */
  args: string[];
  /** Spans of `args` entries. */
  argSpans: Span[];
}

export type Instruction =
  | FromInstruction
  | CommandInstruction
  | HealthcheckInstruction
  | CopyInstruction
  | KeyValueInstruction
  | ArgInstruction
  | OnbuildInstruction
  | GenericInstruction;

export interface Comment {
  /** Text after `#`, untrimmed. */
  text: string;
  span: Span;
  /** True for parser directives in the top directive block. */
  directive: boolean;
}

/** A syntax problem. The parser recovers (skips to the next instruction) wherever it can. */
export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface Dockerfile {
  /** File name as given (used in findings). */
  file: string;
  /** Source text after BOM removal and CRLF normalisation. */
  text: string;
  directives: Directives;
  /** Top-level instructions in file order (comments excluded). */
  instructions: Instruction[];
  /** Whole-line comments outside of instructions (comments inside continuations are dropped, as BuildKit does). */
  comments: Comment[];
  /** Syntax errors; the linter reports them as DL1000. */
  errors: SyntaxProblem[];
}
