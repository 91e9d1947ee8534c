/**
 * `json`: Hadolint's JSON array, one object per finding with keys in aeson's (alphabetical) order:
 * `code, column, file, level, line, message`. Parse errors (DL1000) name the file as the parser does
 * (`/dev/stdin` for standard input). Input errors are not part of this shape; the CLI reports them.
 */
import type { LintReport, ReportOptions } from './types.js';
import { encodeJsonString, reportedFile } from './util.js';

/** A JSON number as encodeSortedJson writes it. */
function jsonNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

export function format(report: LintReport, options: ReportOptions): string {
  // Written directly in the fixed key order (what encodeSortedJson would produce for these objects,
  // without building and sorting an object per finding: reports can hold many thousands).
  // Findings come grouped by file: each file name is encoded once per run of findings, not per finding.
  let lastFile: string | undefined;
  let lastFileJson = '';
  const items = report.findings.map((f) => {
    const file = reportedFile(f, options, false);
    if (file !== lastFile) {
      lastFile = file;
      lastFileJson = encodeJsonString(file);
    }
    return (
      `{"code":${encodeJsonString(f.ruleId)},"column":${jsonNumber(f.column)},"file":${lastFileJson},` +
      `"level":${encodeJsonString(f.severity)},"line":${jsonNumber(f.line)},"message":${encodeJsonString(f.message)}}`
    );
  });
  // Hadolint ends the array with a newline (putStrLn).
  return `[${items.join(',')}]\n`;
}
