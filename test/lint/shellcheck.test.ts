import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createProcessRunner, locateShellCheck } from '../../src/lint/shellcheck-process.js';
import { hasForeignShebang, renderShellCheckScript, shellCheckFindings, type ShellCheckScript } from '../../src/lint/shellcheck.js';

const executable = locateShellCheck(true);
const skip = executable === null ? 'shellcheck is not installed on this machine' : false;

test('rendered script: shebang from the first word of the shell, then exports, then the text', () => {
  const rendered = renderShellCheckScript({ shell: '/bin/bash -o pipefail -c', variables: ['FOO', 'http_proxy', 'FOO'], text: 'echo $FOO' });
  assert.equal(rendered.text, '#!/bin/bash\nexport FOO=1\nexport http_proxy=1\necho $FOO\n');
  assert.equal(rendered.prefixLines, 3);
});

test('foreign shebangs are not shell', () => {
  assert.equal(hasForeignShebang('#!/usr/bin/env python3\nprint(1)'), true);
  assert.equal(hasForeignShebang('#!/bin/bash\necho'), false);
  assert.equal(hasForeignShebang('#!/usr/bin/env sh\necho'), false);
  assert.equal(hasForeignShebang('echo'), false);
});

test('comments map to the anchor line, deduplicated, with the real position in region', () => {
  const script: ShellCheckScript = {
    shell: '/bin/sh',
    variables: ['A'],
    text: 'echo $x\necho $x',
    position: (line, column) => ({ line: 10 + line, column: column + 4 }),
  };
  const comment = { code: 2154, level: 'warning' as const, message: 'x is referenced but not assigned.', line: 3, column: 6, endLine: 3, endColumn: 8 };
  const findings = shellCheckFindings('Dockerfile', 9, script, [comment, { ...comment, line: 4 }]);
  assert.deepEqual(findings, [
    {
      ruleId: 'SC2154',
      severity: 'warning',
      message: 'x is referenced but not assigned.',
      file: 'Dockerfile',
      line: 9,
      column: 1,
      sourceLanguage: 'sh',
      region: { start: { line: 11, column: 10 }, end: { line: 11, column: 12 } },
    },
  ]);
});

test('real shellcheck, one batch: dialect from the shebang, known variables, exclusions, temp files removed', { skip }, async () => {
  const before = readdirSync(tmpdir()).filter((n) => n.startsWith('docksec-sc-')).length;
  const runner = createProcessRunner(executable!, { batchSize: 2, parallel: 2 });
  const scripts: ShellCheckScript[] = [
    { shell: '/bin/sh', variables: [], text: 'echo $unset_var' }, // SC2154 (warning) and SC2086 (info)
    { shell: '/bin/sh', variables: ['declared'], text: 'echo "$declared"' }, // clean
    { shell: '/bin/sh', variables: [], text: 'a=$(date); if [[ "$a" == 1 ]]; then echo; fi' }, // SC3010: [[ ]] is not POSIX sh
    { shell: '/bin/bash', variables: [], text: 'a=$(date); if [[ "$a" == 1 ]]; then echo; fi' }, // clean in bash
    { shell: '/bin/sh', variables: [], text: '. /etc/os-release && echo "$ID"' }, // SC1091 excluded
  ];
  const results = await runner.check(scripts);
  const codes = results.map((comments) => comments.map((c) => c.code).sort());
  assert.deepEqual(codes[0], [2086, 2154]);
  assert.deepEqual(codes[1], []);
  assert.ok(codes[2]!.includes(3010), `expected SC3010, got ${codes[2]}`);
  assert.deepEqual(codes[3], []);
  assert.ok(!codes[4]!.includes(1091));
  const sc2154 = results[0]!.find((c) => c.code === 2154)!;
  assert.equal(sc2154.level, 'warning');
  assert.equal(sc2154.line, 2, 'line in the rendered file: after the shebang');
  const after = readdirSync(tmpdir()).filter((n) => n.startsWith('docksec-sc-')).length;
  assert.equal(after, before, 'temp directory removed');
});

test('many scripts are checked in a few processes, results stay in order', { skip }, async () => {
  const runner = createProcessRunner(executable!, { batchSize: 50, parallel: 3 });
  const scripts: ShellCheckScript[] = Array.from({ length: 120 }, (_, i) => ({
    shell: '/bin/sh',
    variables: [],
    text: i % 2 === 0 ? `echo $v${i}` : 'echo ok',
  }));
  const results = await runner.check(scripts);
  results.forEach((comments, i) => {
    if (i % 2 === 0) assert.ok(comments.some((c) => c.code === 2154 && c.message.includes(`v${i} `)), `script ${i}`);
    else assert.deepEqual(comments, []);
  });
});

test('a broken executable yields one notice and no comments', async () => {
  const notices: string[] = [];
  const runner = createProcessRunner('/nonexistent/shellcheck', { onNotice: (m) => notices.push(m) });
  const results = await runner.check([
    { shell: '/bin/sh', variables: [], text: 'echo $a' },
    { shell: '/bin/sh', variables: [], text: 'echo $b' },
  ]);
  assert.deepEqual(results, [[], []]);
  assert.equal(notices.length, 1);
  assert.match(notices[0]!, /cannot run shellcheck/);
});
