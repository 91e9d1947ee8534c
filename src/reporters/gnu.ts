/**
 * `gnu`: GNU error-message lines, `TOOL:FILE:LINE: CODE SEVERITY: MESSAGE`; parse errors
 * `TOOL:FILE:LINE:COL: MESSAGE`; input errors `TOOL:FILE: error: MESSAGE` (with line/column when known).
 */
import type { LintReport, ReportOptions } from './types.js';
import { isParseError, oneLine, reportedFile } from './util.js';

export function format(report: LintReport, options: ReportOptions): string {
  const tool = report.tool.name;
  const lines: string[] = [];
  for (const e of report.errors) {
    const where = e.line !== undefined ? `:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : '';
    lines.push(`${tool}:${e.file}${where}: error: ${oneLine(e.message)}`);
  }
  for (const f of report.findings) {
    const file = reportedFile(f, options, false);
    if (isParseError(f)) lines.push(`${tool}:${file}:${f.line}:${f.column}: ${oneLine(f.message)}`);
    else lines.push(`${tool}:${file}:${f.line}: ${f.ruleId} ${f.severity}: ${oneLine(f.message)}`);
  }
  return lines.map((l) => l + '\n').join('');
}
