/**
 * `checkstyle`: Checkstyle 4.3 XML with one `<file>` per input (an empty element when clean), escaped the
 * way Hadolint escapes (decimal character references), so ordinary output is byte-identical. Parse errors
 * and input errors carry no `source`.
 */
import type { LintReport, ReportOptions } from './types.js';
import { escapeXmlNumeric, groupByFile, isParseError, reportFiles } from './util.js';

function attr(name: string, value: string | number): string {
  return `${name}='${escapeXmlNumeric(String(value))}' `;
}

export function format(report: LintReport, options: ReportOptions): string {
  const errorsByFile = groupByFile(report.errors);
  const findingsByFile = groupByFile(report.findings);
  let out = "<?xml version='1.0' encoding='UTF-8'?><checkstyle version='4.3'>";
  for (const file of reportFiles(report)) {
    const shownName = options.filePathInReport ?? file;
    out += '<file ' + attr('name', shownName) + '>';
    for (const e of errorsByFile.get(file) ?? []) {
      out += '<error ' + attr('line', e.line ?? 1) + attr('column', e.column ?? 1) + attr('severity', 'error') + attr('message', e.message) + '/>';
    }
    for (const f of findingsByFile.get(file) ?? []) {
      out +=
        '<error ' +
        attr('line', f.line) +
        attr('column', f.column) +
        attr('severity', f.severity) +
        attr('message', f.message) +
        (isParseError(f) ? '' : attr('source', f.ruleId)) +
        '/>';
    }
    out += '</file>';
  }
  return out + '</checkstyle>';
}
