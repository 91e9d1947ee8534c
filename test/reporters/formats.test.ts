/** Behaviour of the output formats beyond the goldens: shapes, escaping, fingerprints, SARIF structure. */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Finding } from '../../src/core/finding.js';
import { FORMAT_NAMES, getReporter, reporters } from '../../src/reporters/index.js';
import { FINGERPRINT_KEY, buildSarif } from '../../src/reporters/sarif.js';
import type { LintReport, ReportOptions } from '../../src/reporters/types.js';
import { encodeSortedJson, escapeXml, escapeXmlNumeric } from '../../src/reporters/util.js';
import { EMPTY_REPORT, FIXED_TIME, REPORT, RULES, SOURCES } from './fixture-report.js';
import { validateSarif } from './sarif-validate.js';

const PLAIN: ReportOptions = { color: false };
const HOSTILE = 'a<b>c&d"e\'f\u0001g\u0000h\u001bi\tj\nk\u00e9\u{1F433}\uD800';

function report(findings: Finding[], files = [...new Set(findings.map((f) => f.file))]): LintReport {
  return { tool: { name: 'docksec', version: '0.1.0' }, files, findings, errors: [] };
}

function finding(over: Partial<Finding>): Finding {
  return { ruleId: 'DL3008', severity: 'warning', message: 'm', file: 'Dockerfile', line: 1, column: 1, ...over };
}

/** Decodes the entities our XML writers produce (named and decimal). */
function xmlUnescape(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Minimal well-formedness: no characters XML 1.0 forbids, no raw `<` or `&` inside attribute values. */
function assertWellFormedXml(xml: string): void {
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/, 'forbidden control character');
  assert.doesNotMatch(xml, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'lone surrogate');
  for (const m of xml.matchAll(/="([^"]*)"|='([^']*)'/g)) {
    const value = m[1] ?? m[2]!;
    assert.doesNotMatch(value, /[<]|&(?!(lt|gt|amp|quot|apos|#\d+);)/, `unescaped attribute ${value}`);
  }
  // Every element opened is closed, in order.
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) assert.equal(stack.pop(), m[2], `mismatched </${m[2]}>`);
    else if (!m[3]) stack.push(m[2]!);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
}

test('index: every Hadolint format name resolves, unknown names do not', () => {
  assert.deepEqual([...FORMAT_NAMES].sort(), ['checkstyle', 'codacy', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'json', 'junit', 'sarif', 'sonarqube', 'tty']);
  for (const name of FORMAT_NAMES) assert.equal(typeof getReporter(name), 'function');
  assert.equal(getReporter('xml'), undefined);
  assert.equal(getReporter('TTY'), undefined);
});

test('json: Hadolint array with alphabetical keys and the real column only for DL1000', () => {
  const out = reporters.json(REPORT, PLAIN);
  assert.ok(out.endsWith(']\n'));
  const items = JSON.parse(out) as Record<string, unknown>[];
  assert.equal(items.length, 7);
  for (const item of items) assert.deepEqual(Object.keys(item), ['code', 'column', 'file', 'level', 'line', 'message']);
  assert.deepEqual(items[0], {
    code: 'DL3008',
    column: 1,
    file: 'Dockerfile',
    level: 'warning',
    line: 2,
    message: 'Pin the version of apt package "curl" (curl=<version>)',
  });
  assert.deepEqual(items[6], { code: 'DL1000', column: 5, file: 'web/Dockerfile', level: 'error', line: 4, message: 'FROM needs an image\nbut the line ends' });
  assert.equal(reporters.json(EMPTY_REPORT, PLAIN), '[]\n');
});

test('json: stdin is "-" for findings but "/dev/stdin" for parse errors (Hadolint)', () => {
  const out = JSON.parse(reporters.json(report([finding({ file: '-' }), finding({ file: '-', ruleId: 'DL1000', severity: 'error', column: 3 })]), PLAIN)) as { file: string }[];
  assert.deepEqual(out.map((o) => o.file), ['-', '/dev/stdin']);
});

test('json: any message survives encoding (aeson escapes: \\u00xx for control characters)', () => {
  const out = reporters.json(report([finding({ message: HOSTILE })]), PLAIN);
  assert.ok(out.includes('\\u0001g\\u0000h\\u001bi\\tj\\nk'), out);
  assert.ok(!out.includes('\\b') && !out.includes('\\f'));
  const parsed = JSON.parse(out) as { message: string }[];
  assert.equal(parsed[0]!.message, HOSTILE);
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (message) => {
      const back = JSON.parse(reporters.json(report([finding({ message })]), PLAIN)) as { message: string }[];
      assert.equal(back[0]!.message, message);
    }),
  );
});

test('encodeSortedJson sorts keys recursively and drops undefined', () => {
  assert.equal(encodeSortedJson({ b: 1, a: { d: [1, 'x'], c: null }, z: undefined }), '{"a":{"c":null,"d":[1,"x"]},"b":1}');
});

test('codeclimate: one issue per finding, each followed by NUL; parse errors use positions', () => {
  const out = reporters.codeclimate(REPORT, PLAIN);
  assert.ok(out.endsWith('\0'));
  const chunks = out.split('\0').slice(0, -1);
  assert.equal(chunks.length, 7);
  const issues = chunks.map((c) => JSON.parse(c) as Record<string, unknown>);
  assert.deepEqual(issues.map((i) => i['severity']), ['major', 'major', 'info', 'major', 'major', 'minor', 'blocker']);
  assert.deepEqual(issues[0]!['location'], { lines: { begin: 2, end: 2 }, path: 'Dockerfile' });
  assert.deepEqual(issues[6]!['location'], { path: 'web/Dockerfile', positions: { begin: { column: 5, line: 4 }, end: { column: 5, line: 4 } } });
  assert.equal(reporters.codeclimate(EMPTY_REPORT, PLAIN), '');
});

test('codeclimate: absolute paths inside cwd become relative', () => {
  const out = reporters.codeclimate(report([finding({ file: '/repo/app/Dockerfile' })]), { color: false, cwd: '/repo' });
  assert.equal((JSON.parse(out.slice(0, -1)) as { location: { path: string } }).location.path, 'app/Dockerfile');
});

test('gitlab_codeclimate: fingerprint is the SHA-1 of the issue JSON without it', () => {
  const issues = JSON.parse(reporters.gitlab_codeclimate(REPORT, PLAIN)) as Record<string, unknown>[];
  assert.equal(issues.length, 7);
  const plain = reporters.codeclimate(REPORT, PLAIN).split('\0').slice(0, -1);
  issues.forEach((issue, i) => {
    assert.equal(issue['fingerprint'], createHash('sha1').update(plain[i]!).digest('hex'));
    assert.match(issue['fingerprint'] as string, /^[0-9a-f]{40}$/);
  });
  assert.equal(new Set(issues.map((i) => i['fingerprint'])).size, 7);
});

test('codacy: objects concatenated without separator', () => {
  const out = reporters.codacy(REPORT, PLAIN);
  const objects = out.split('}{').length;
  assert.equal(objects, 7);
  assert.ok(out.startsWith('{"filename":"Dockerfile","line":2,"message":'));
  assert.ok(!out.includes('\n{'));
});

test('sonarqube: severity/type maps and parse error as BLOCKER bug', () => {
  const doc = JSON.parse(reporters.sonarqube(REPORT, PLAIN)) as { issues: { severity: string; type: string; ruleId: string }[] };
  assert.deepEqual(
    doc.issues.map((i) => `${i.ruleId}:${i.severity}:${i.type}`),
    ['DL3008:MAJOR:CODE_SMELL', 'DL3003:MAJOR:CODE_SMELL', 'SC2086:MINOR:CODE_SMELL', 'DSC4001:MAJOR:CODE_SMELL', 'DSC5001:MAJOR:CODE_SMELL', 'DL3045:INFO:CODE_SMELL', 'DL1000:BLOCKER:BUG'],
  );
  const err = JSON.parse(reporters.sonarqube(report([finding({ severity: 'error' })]), PLAIN)) as { issues: { severity: string; type: string }[] };
  assert.deepEqual([err.issues[0]!.severity, err.issues[0]!.type], ['CRITICAL', 'BUG']);
});

test('gnu: GNU lines, parse errors with column, newlines flattened', () => {
  const lines = reporters.gnu(REPORT, PLAIN).split('\n');
  assert.equal(lines[0], 'docksec:Dockerfile:2: DL3008 warning: Pin the version of apt package "curl" (curl=<version>)');
  assert.equal(lines[6], 'docksec:web/Dockerfile:4:5: FROM needs an image but the line ends');
  assert.equal(lines[7], '');
});

test('tty: clickable region start, summary, nothing when clean, colour only when asked', () => {
  const out = reporters.tty(REPORT, PLAIN);
  const lines = out.trimEnd().split('\n');
  assert.equal(lines[0], 'Dockerfile:2:41 DL3008 warning: Pin the version of apt package "curl" (curl=<version>)');
  assert.equal(lines[3], 'Dockerfile:4:1 DSC4001 warning: The final stage runs as root (USER root)');
  assert.equal(lines.at(-1), '7 findings (1 error, 4 warnings, 1 info, 1 style issue) in 2 files');
  assert.ok(!out.includes('\x1b['));
  assert.equal(reporters.tty(EMPTY_REPORT, PLAIN), '');
  const one = reporters.tty(report([finding({ message: 'x' })]), { color: true });
  assert.equal(one, 'Dockerfile:1:1 DL3008 \x1b[1;33mwarning\x1b[0m: x\n1 finding (1 warning) in 1 file\n');
});

test('tty counts input errors (the CLI prints them on stderr); gnu lists them', () => {
  const withError: LintReport = { ...EMPTY_REPORT, errors: [{ file: 'missing/Dockerfile', message: 'cannot read file: no such file' }] };
  assert.equal(reporters.tty(withError, PLAIN), '0 findings; 1 input could not be linted\n');
  assert.equal(reporters.gnu(withError, PLAIN), 'docksec:missing/Dockerfile: error: cannot read file: no such file\n');
});

test('checkstyle: Hadolint escaping, one <file> per input, hostile text stays well-formed and round-trips', () => {
  const out = reporters.checkstyle(report([finding({ message: HOSTILE, file: 'a&b.Dockerfile' })], ['a&b.Dockerfile', 'other']), PLAIN);
  assertWellFormedXml(out);
  assert.ok(out.includes("<file name='a&#38;b.Dockerfile' >"));
  assert.ok(out.includes("<file name='other' ></file>"));
  const message = /message='([^']*)'/.exec(out)![1]!;
  assert.equal(xmlUnescape(message), 'a<b>c&d"e\'f\uFFFDg\uFFFDh\uFFFDi\tj\nk\u00e9\u{1F433}\uFFFD');
  assert.equal(escapeXmlNumeric('<>&"\''), '&#60;&#62;&#38;&#34;&#39;');
});

test('junit: deterministic with a timestamp, escaped, counts failures and errors per file', () => {
  const options = { color: false, timestamp: FIXED_TIME };
  assert.equal(reporters.junit(REPORT, options), reporters.junit(REPORT, options));
  const out = reporters.junit(REPORT, options);
  assertWellFormedXml(out);
  assert.ok(out.includes('<testsuites id="20260102_030405" name="docksec run at 2026-01-02 03:04:05" time="0.001">'));
  assert.ok(out.includes('errors="1" failures="3" id="docksec" name="docksec 0.1.0" package="web/Dockerfile" tests="3"'));
  const hostile = reporters.junit(report([finding({ message: HOSTILE })]), options);
  assertWellFormedXml(hostile);
  assert.equal(xmlUnescape(/<failure id="DL3008" message="([^"]*)"/.exec(hostile)![1]!), 'a<b>c&d"e\'f\uFFFDg\uFFFDh\uFFFDi\tj\nk\u00e9\u{1F433}\uFFFD');
  const errors = reporters.junit({ ...EMPTY_REPORT, errors: [{ file: 'Dockerfile', message: 'unreadable <x>' }] }, options);
  assertWellFormedXml(errors);
  assert.ok(errors.includes('errors="1" failures="0"') && errors.includes('<error message="unreadable &lt;x&gt;" type="input">'));
});

test('escapeXml: the five specials and forbidden characters', () => {
  assert.equal(escapeXml('<>&"\''), '&lt;&gt;&amp;&quot;&apos;');
  assert.equal(escapeXml('a\u0000b\u000bc\uFFFEd'), 'a\uFFFDb\uFFFDc\uFFFDd');
  fc.assert(
    fc.property(fc.string({ unit: 'binary' }), (text) => {
      const escaped = escapeXml(text);
      assertWellFormedXml(`<x a="${escaped}"/>`);
      assertWellFormedXml(`<x a='${escapeXmlNumeric(text)}'/>`);
    }),
  );
});

test('sarif: structurally valid SARIF 2.1.0 with rules, regions, languages and fingerprints', () => {
  const log = buildSarif(REPORT, { color: false, rules: RULES, sources: SOURCES });
  assert.deepEqual(validateSarif(log), []);
  assert.deepEqual(validateSarif(JSON.parse(reporters.sarif(EMPTY_REPORT, PLAIN))), []);
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'docksec');
  assert.deepEqual(run.tool.driver.rules!.map((r) => r.id), ['DL1000', 'DL3003', 'DL3008', 'DL3045', 'DSC4001', 'DSC5001', 'SC2086']);
  const dl3008 = run.tool.driver.rules![2]!;
  assert.equal(dl3008.helpUri, 'https://github.com/docksec/docksec/blob/main/docs/rules.md#dl3008');
  assert.equal(dl3008.shortDescription!.text, 'Pin versions in apt-get install');
  assert.equal(dl3008.defaultConfiguration!.level, 'warning');
  assert.equal(run.tool.driver.rules![3]!.defaultConfiguration!.level, 'note');
  const first = run.results![0]!;
  assert.equal(first.ruleId, 'DL3008');
  assert.equal(first.ruleIndex, 2);
  assert.deepEqual(first.locations![0]!.physicalLocation!.region, { startLine: 2, startColumn: 41, endLine: 2, endColumn: 45, sourceLanguage: 'dockerfile' });
  assert.deepEqual(first.locations![0]!.physicalLocation!.artifactLocation, { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' });
  assert.equal(run.results![2]!.locations![0]!.physicalLocation!.region!.sourceLanguage, 'sh');
  assert.deepEqual(run.results!.map((r) => r.level), ['warning', 'warning', 'note', 'warning', 'warning', 'note', 'error']);
});

test('sarif: fingerprints ignore line moves, differ per line text, and disambiguate repeats', () => {
  const source = 'FROM debian\nRUN curl -k x\nRUN curl -k x\n';
  const shifted = '# a comment\n\nFROM debian\nRUN curl -k x\nRUN curl -k x\n';
  const at = (line: number): Finding => finding({ ruleId: 'DSC5001', line, message: 'insecure' });
  const prints = (src: string, lines: number[]): string[] =>
    buildSarif(report(lines.map(at)), { color: false, sources: new Map([['Dockerfile', src]]) }).runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
  const before = prints(source, [2, 3]);
  const after = prints(shifted, [4, 5]);
  assert.deepEqual(before, after);
  assert.notEqual(before[0], before[1]);
  assert.match(before[0]!, /:1$/);
  assert.match(before[1]!, /:2$/);
  const other = prints('FROM debian\nRUN curl -k y\n', [2]);
  assert.notEqual(other[0], before[0]);
});

test('sarif: input errors become tool execution notifications; absolute paths and cwd', () => {
  const log = buildSarif(
    { ...report([finding({ file: '/repo/sub dir/Dockerfile' }), finding({ file: '/elsewhere/Dockerfile' })]), errors: [{ file: 'gone', message: 'cannot read', line: 2, column: 3 }] },
    { color: false, cwd: '/repo' },
  );
  assert.deepEqual(validateSarif(log), []);
  const run = log.runs[0]!;
  assert.equal(run.invocations![0]!.executionSuccessful, false);
  assert.equal(run.invocations![0]!.toolExecutionNotifications![0]!.message.text, 'cannot read');
  assert.deepEqual(run.results![0]!.locations![0]!.physicalLocation!.artifactLocation, { uri: 'sub%20dir/Dockerfile', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(run.results![1]!.locations![0]!.physicalLocation!.artifactLocation, { uri: 'file:///elsewhere/Dockerfile' });
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
});

test('every format: output for a large report is produced in bounded time', () => {
  const many = report(Array.from({ length: 20000 }, (_, i) => finding({ file: `f${i % 500}`, line: i + 1 })));
  for (const name of FORMAT_NAMES) {
    const started = Date.now();
    reporters[name](many, { color: false, timestamp: FIXED_TIME });
    assert.ok(Date.now() - started < 5000, `${name} too slow`);
  }
});
