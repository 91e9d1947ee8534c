/**
 * `junit`: JUnit XML as Hadolint shapes it — `<testsuites>` holding one `<testsuite>` per input with a
 * `<testcase>` + `<failure>` per finding — plus `name`/`classname` on every test case so CI viewers can
 * show them. The run id and name embed the run time (UTC); pass `options.timestamp` for reproducible output.
 * Input errors become test cases with an `<error>` and count in the suite's `errors` (as parse errors do).
 */
import type { Finding, InputError } from '../core/finding.js';
import type { LintReport, ReportOptions } from './types.js';
import { escapeXml, escapeXmlText, groupByFile, isParseError, reportFiles } from './util.js';

function element(name: string, attributes: Record<string, string | number>, children?: string): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function stamp(t: Date): { id: string; human: string } {
  const date = `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}`;
  const time = `${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
  const human = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  return { id: `${date}_${time}`, human };
}

function findingCase(f: Finding, file: string, toolId: string): string {
  const detail = [
    `File: ${file}`,
    `Line: ${f.line}`,
    `Column: ${f.column}`,
    `Rule: ${f.ruleId}`,
    `${f.severity}: ${f.message}`,
    '',
  ].join('\n');
  const id = isParseError(f) ? `${toolId}.error` : `${toolId}.rule.${f.ruleId}`;
  return element(
    'testcase',
    { classname: file, id, name: `${f.ruleId} at line ${f.line}`, time: '0.001' },
    element('failure', { id: f.ruleId, message: f.message, type: f.severity }, escapeXmlText(detail)),
  );
}

function inputErrorCase(e: InputError, file: string, toolId: string): string {
  return element(
    'testcase',
    { classname: file, id: `${toolId}.input`, name: 'input', time: '0.001' },
    element('error', { message: e.message, type: 'input' }, escapeXmlText(`File: ${file}\n${e.message}\n`)),
  );
}

export function format(report: LintReport, options: ReportOptions): string {
  const toolId = report.tool.name.toLowerCase();
  const runAt = stamp(options.timestamp ?? new Date());
  const findingsByFile = groupByFile(report.findings);
  const errorsByFile = groupByFile(report.errors);
  const suites = reportFiles(report).map((file) => {
    const shown = options.filePathInReport ?? file;
    const findings = findingsByFile.get(file) ?? [];
    const errors = errorsByFile.get(file) ?? [];
    const cases = errors.map((e) => inputErrorCase(e, shown, toolId)).concat(findings.map((f) => findingCase(f, shown, toolId)));
    return element(
      'testsuite',
      {
        errors: errors.length + findings.filter(isParseError).length,
        failures: findings.length,
        id: toolId,
        name: `${report.tool.name} ${report.tool.version}`,
        package: shown,
        tests: cases.length,
        time: '0.001',
      },
      cases.join(''),
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    element('testsuites', { id: runAt.id, name: `${report.tool.name} run at ${runAt.human}`, time: '0.001' }, suites.join('')) +
    '\n'
  );
}
