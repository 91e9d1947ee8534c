/**
 * The contract between commands and output formats. Every reporter module (`src/reporters/<format>.ts`)
 * exports `format(report: LintReport, options: ReportOptions): string`.
 */
import type { Finding, InputError } from '../core/finding.js';
import type { RuleMeta } from '../core/rule-meta.js';

export interface ToolInfo {
  /** `docksec`. */
  name: string;
  /** The package version (`0.1.0`). */
  version: string;
}

export interface LintReport {
  tool: ToolInfo;
  /**
   * Every input that was linted, in the order given (`-` for stdin), including files with no findings
   * (checkstyle emits one `<file>` element per input).
   */
  files: string[];
  /** Findings after config, pragmas and severity overrides; sorted by file, then line. */
  findings: Finding[];
  /** Inputs that could not be linted (unreadable file, ...). */
  errors: InputError[];
}

export interface ReportOptions {
  /** Colourise (tty format only); false for `--no-color`, `NO_COLOR`, or when stdout is not a terminal. */
  color: boolean;
  /** `--file-path-in-report`: replaces the file name of every finding in the output. */
  filePathInReport?: string;
  /** Working directory, for reporters that print paths relative to it (SARIF, code climate). */
  cwd?: string;
  /** Rule metadata by id (SARIF `tool.driver.rules`); each command passes its own rule set. */
  rules?: ReadonlyMap<string, RuleMeta>;
  /** Source text by file name as reported, for SARIF fingerprints that survive line moves. */
  sources?: ReadonlyMap<string, string>;
  /** Fixed run time (junit), for reproducible output; the current time when absent. */
  timestamp?: Date;
}

/** The shape of a reporter module. */
export type ReportFormatter = (report: LintReport, options: ReportOptions) => string;
