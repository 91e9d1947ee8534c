import type { Span } from '../core/finding.js';

/** One word of a simple command. */
export interface ShellWord {
  /**
   * The word with quotes removed and pieces concatenated; `$X` and `${X}` become `${X}`, `$(cmd)` and
   * backticks become `${...}`-style opaque text (see shell/README in docs), globs are kept literally.
   */
  value: string;
  /** Source text of the word. */
  raw: string;
  /** Position in the Dockerfile (after mapping through continuation lines). */
  span: Span;
  /** True when the word contains any expansion (`$X`, `$(...)`, backticks, arithmetic). */
  dynamic: boolean;
}

/** A simple command anywhere in a script: inside lists, pipelines, subshells, `$(...)`, loops, functions. */
export interface ShellCommand {
  /**
   * Command name as written (`/usr/bin/apt-get` is not `apt-get`). Prefix assignments are skipped.
   * `command X`, `builtin X`, `exec X` and `busybox X` are named `X` while `args` still starts with `X`
   * (Hadolint's model). `sudo`, `env`, `xargs`, `time` keep their own name.
   */
  name: string;
  /** Argument values after the name word (quotes removed), as `ShellWord.value`. */
  args: string[];
  /** The words behind `args`, same order. */
  words: ShellWord[];
  /** Prefix assignments (`FOO=1 cmd`), as `NAME=value` strings. */
  assignments: string[];
  /**
   * Flags derived from `args`: `--` and `-` are not flags; `--name=value` and `--name` give `name`;
   * `-abc` gives `a`, `b`, `c`.
   */
  flags: string[];
  span: Span;
}

export interface ShellScript {
  /** Every simple command, in source order. Empty when the script could not be parsed at all. */
  commands: ShellCommand[];
  /** True when the script contains a `|` (or `|&`) pipeline, not counting `||`. */
  hasPipe: boolean;
  /** False when tree-sitter reported syntax errors (commands are still extracted where possible). */
  ok: boolean;
}
