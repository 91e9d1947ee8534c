/**
 * `tty` (default): one clickable line per finding, `FILE:LINE:COL CODE SEVERITY: MESSAGE`, at the precise
 * start of the flagged text when known; the severity is coloured unless colour is off; a summary line ends
 * the output when there is anything to report. Nothing is printed for a clean run.
 */
import type { Finding } from '../core/finding.js';
import type { Severity } from '../core/severity.js';
import type { LintReport, ReportOptions } from './types.js';
import { oneLine } from './util.js';

const COLOUR: Record<Severity, string> = {
  error: '\x1b[1;31m',
  warning: '\x1b[1;33m',
  info: '\x1b[32m',
  style: '\x1b[36m',
};
const RESET = '\x1b[0m';

function paint(text: string, colour: string, enabled: boolean): string {
  return enabled ? colour + text + RESET : text;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `3 findings (1 error, 2 warnings) in 2 files`; input errors are counted separately. */
export function summaryLine(report: LintReport): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const f of report.findings) counts[f.severity]++;
  const parts = (Object.keys(counts) as Severity[])
    .filter((s) => counts[s] > 0)
    .map((s) => plural(counts[s], s === 'style' ? 'style issue' : s));
  const files = new Set(report.findings.map((f) => f.file)).size;
  let line = plural(report.findings.length, 'finding');
  if (parts.length > 0) line += ` (${parts.join(', ')})`;
  if (files > 0) line += ` in ${plural(files, 'file')}`;
  if (report.errors.length > 0) line += `; ${plural(report.errors.length, 'input')} could not be linted`;
  return line;
}

function position(f: Finding): string {
  const start = f.region?.start ?? { line: f.line, column: f.column };
  return `${start.line}:${start.column}`;
}

export function format(report: LintReport, options: ReportOptions): string {
  const color = options.color;
  const lines: string[] = [];
  for (const f of report.findings) {
    const severity = paint(f.severity, COLOUR[f.severity], color);
    lines.push(`${f.file}:${position(f)} ${f.ruleId} ${severity}: ${oneLine(f.message)}`);
  }
  // Input errors themselves go to stderr (the CLI prints them); the summary still counts them.
  if (lines.length === 0 && report.errors.length === 0) return '';
  lines.push(summaryLine(report));
  return lines.map((l) => l + '\n').join('');
}
