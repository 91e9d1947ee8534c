/**
 * `codeclimate`: a stream of Code Climate issues, each followed by a NUL byte (the engine spec), and
 * `gitlab_codeclimate`'s building block. Shapes and severity map follow Hadolint: rule findings locate by
 * `lines`, parse errors (DL1000) by `positions` with their column.
 */
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { LintReport, ReportOptions } from './types.js';
import { type Json, encodeSortedJson, isParseError, relativeToCwd, reportedFile } from './util.js';

const IMPACT: Record<Severity, string> = { error: 'blocker', warning: 'major', info: 'info', style: 'minor' };

export function toIssue(finding: Finding, options: ReportOptions): { [key: string]: Json } {
  const file = relativeToCwd(reportedFile(finding, options, true), options.cwd);
  const location: Json = isParseError(finding)
    ? {
        path: file,
        positions: {
          begin: { column: finding.column, line: finding.line },
          end: { column: finding.column, line: finding.line },
        },
      }
    : { lines: { begin: finding.line, end: finding.line }, path: file };
  return {
    categories: ['Bug Risk'],
    check_name: finding.ruleId,
    description: finding.message,
    location,
    severity: IMPACT[finding.severity],
    type: 'issue',
  };
}

export function format(report: LintReport, options: ReportOptions): string {
  return report.findings.map((f) => encodeSortedJson(toIssue(f, options)) + '\0').join('');
}
