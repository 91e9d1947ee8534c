/**
 * `sonarqube`: SonarQube's generic external issues document `{"issues":[...]}`. Severity and type maps
 * follow Hadolint: error → CRITICAL/BUG, warning → MAJOR, info → MINOR, style → INFO (CODE_SMELL);
 * parse errors are BLOCKER bugs located at their column. The engine id is the tool's name.
 */
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { LintReport, ReportOptions } from './types.js';
import { type Json, encodeSortedJson, isParseError, reportedFile } from './util.js';

const SEVERITY: Record<Severity, string> = { error: 'CRITICAL', warning: 'MAJOR', info: 'MINOR', style: 'INFO' };

function toIssue(finding: Finding, engineId: string, options: ReportOptions): Json {
  const parseError = isParseError(finding);
  return {
    engineId,
    primaryLocation: {
      filePath: reportedFile(finding, options, true),
      message: finding.message,
      textRange: parseError
        ? { endColumn: finding.column, endLine: finding.line, startColumn: finding.column, startLine: finding.line }
        : // Hadolint's range for line-only findings: 0-based start column 0 to 1 covers the line's start.
          { endColumn: 1, endLine: finding.line, startColumn: 0, startLine: finding.line },
    },
    ruleId: finding.ruleId,
    severity: parseError ? 'BLOCKER' : SEVERITY[finding.severity],
    type: parseError || finding.severity === 'error' ? 'BUG' : 'CODE_SMELL',
  };
}

export function format(report: LintReport, options: ReportOptions): string {
  return encodeSortedJson({ issues: report.findings.map((f) => toIssue(f, report.tool.name, options)) });
}
