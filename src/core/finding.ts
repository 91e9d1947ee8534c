import type { Severity } from './severity.js';

/** 1-based line and column. Columns count UTF-16 code units, as editors and SARIF expect. */
export interface Position {
  line: number;
  column: number;
}

/** A source range, both ends inclusive of their start position; `end` points just past the last character. */
export interface Span {
  start: Position;
  end: Position;
}

/**
 * The one finding type every command reports (lint, bench items, image, compose, run).
 *
 * `line`/`column` are where a Hadolint-compatible consumer expects the finding: the first line of the
 * instruction (so `# hadolint ignore=` pragmas match as in Hadolint). `region` is the precise range of
 * the offending text when known; SARIF, code climate and the tty reporter use it.
 */
export interface Finding {
  /** Stable rule id: `DL3008`, `SC2086`, `DSC4001`, `DL1000` (syntax error), `cis-5.5`, ... */
  ruleId: string;
  severity: Severity;
  message: string;
  /** File as given by the user (`-` for stdin), or the audited object for runtime audits. */
  file: string;
  line: number;
  column: number;
  region?: Span;
  /** Language of the flagged text, for SARIF `sourceLanguage`: `dockerfile`, `sh`, `yaml`, ... */
  sourceLanguage?: string;
  /** For runtime audits: the container, image or file the finding is about. */
  object?: string;
}

/** A non-finding problem with an input (cannot read file, not a Dockerfile, ...). */
export interface InputError {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

/** Stable sort by file, then line, then column, then rule id. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
