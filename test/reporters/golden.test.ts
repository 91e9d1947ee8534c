/**
 * Golden outputs of every format on a fixed report (two files, a parse error, a ShellCheck finding) and on
 * an empty report. Regenerate after an intended change with `UPDATE_GOLDEN=1 node --test <this file>` and
 * review the diff.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { FORMAT_NAMES, reporters } from '../../src/reporters/index.js';
import type { ReportOptions } from '../../src/reporters/types.js';
import { EMPTY_REPORT, FIXED_TIME, REPORT, RULES, SOURCES } from './fixture-report.js';

const FIXTURES = new URL('../../../test/fixtures/reporters/', import.meta.url);
const OPTIONS: ReportOptions = { color: false, rules: RULES, sources: SOURCES, timestamp: FIXED_TIME };

function checkGolden(name: string, actual: string): void {
  const file = new URL(name, FIXTURES);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `golden ${name} differs`);
}

for (const name of FORMAT_NAMES) {
  test(`${name}: golden output for the fixed report`, () => {
    checkGolden(`${name}.golden`, reporters[name](REPORT, OPTIONS));
  });
  test(`${name}: golden output for an empty report`, () => {
    checkGolden(`${name}-empty.golden`, reporters[name](EMPTY_REPORT, OPTIONS));
  });
}

test('tty with colour: coloured severities and a summary', () => {
  checkGolden('tty-color.golden', reporters.tty(REPORT, { ...OPTIONS, color: true }));
});

test('file-path-in-report: honoured by checkstyle, codeclimate, gitlab, sonarqube, junit only', () => {
  const options = { ...OPTIONS, filePathInReport: 'ci/Dockerfile' };
  for (const name of FORMAT_NAMES) {
    const out = reporters[name](REPORT, options);
    const honours = ['checkstyle', 'codeclimate', 'gitlab_codeclimate', 'sonarqube', 'junit'].includes(name);
    assert.equal(out.includes('ci/Dockerfile'), honours, `${name} ${honours ? 'ignores' : 'honours'} --file-path-in-report`);
  }
});
