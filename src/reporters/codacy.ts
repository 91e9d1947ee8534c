/** `codacy`: one `{filename, line, message, patternId}` object per finding, concatenated with no separator. */
import type { LintReport, ReportOptions } from './types.js';
import { encodeSortedJson, reportedFile } from './util.js';

export function format(report: LintReport, options: ReportOptions): string {
  return report.findings
    .map((f) =>
      encodeSortedJson({ filename: reportedFile(f, options, false), line: f.line, message: f.message, patternId: f.ruleId }),
    )
    .join('');
}
