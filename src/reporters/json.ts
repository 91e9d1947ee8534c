/**
 * `json`: Hadolint's JSON array, one object per finding with keys in aeson's (alphabetical) order:
 * `code, column, file, level, line, message`. Parse errors (DL1000) name the file as the parser does
 * (`/dev/stdin` for standard input). Input errors are not part of this shape; the CLI reports them.
 */
import type { LintReport, ReportOptions } from './types.js';
import { encodeSortedJson, reportedFile } from './util.js';

export function format(report: LintReport, options: ReportOptions): string {
  const items = report.findings.map((f) => ({
    code: f.ruleId,
    column: f.column,
    file: reportedFile(f, options, false),
    level: f.severity,
    line: f.line,
    message: f.message,
  }));
  // Hadolint ends the array with a newline (putStrLn).
  return encodeSortedJson(items) + '\n';
}
