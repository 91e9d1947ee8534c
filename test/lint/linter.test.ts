import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/core/finding.js';
import { defaultLintConfig } from '../../src/lint/config.js';
import { lintDockerfile, lintFiles } from '../../src/lint/linter.js';
import { createProcessRunner, locateShellCheck } from '../../src/lint/shellcheck-process.js';
import type { ShellCheckRunner, ShellCheckScript } from '../../src/lint/shellcheck.js';
import { allRules } from '../../src/rules/dockerfile/index.js';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';

// docksec's own best-practice rules (DSC2xxx and up) are on by default; these tests are about the engine.
const engine = (findings: Finding[]): Finding[] => findings.filter((f) => !/^DSC[2-9]/.test(f.ruleId));
const brief = (findings: Finding[]): string[] => engine(findings).map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.severity}`);
const ids = (findings: Finding[]): string[] => engine(findings).map((f) => `${f.line} ${f.ruleId}`);

test('syntax problems become DL1000 errors at their real line:column, and the file is still linted', async () => {
  const { findings } = await lintDockerfile('FROM alpine:latest\nCOPY onlyone\nMAINTAINER me\n', { file: 'Dockerfile' });
  const dl1000 = findings.find((f) => f.ruleId === 'DL1000');
  assert.ok(dl1000, 'DL1000 reported');
  assert.equal(dl1000.severity, 'error');
  assert.equal(dl1000.line, 2);
  assert.ok(dl1000.column > 1, 'real column');
  assert.ok(findings.some((f) => f.ruleId === 'DL3007' && f.line === 1), 'rules still ran');
  assert.ok(findings.some((f) => f.ruleId === 'DL4000' && f.line === 3));
});

test('DL1000 cannot be ignored by pragmas, config or overrides', async () => {
  const text = '# hadolint global ignore=DL1000\nFROM alpine:3.20\nCOPY onlyone\n';
  const { findings } = await lintDockerfile(text, { config: { ignored: ['DL1000'], override: { style: ['DL1000'] } } });
  assert.deepEqual(brief(findings.filter((f) => f.ruleId === 'DL1000')).map((s) => s.split(' ').slice(1).join(' ')), ['DL1000 error']);
});

test('a throwing rule becomes an internal-error finding for that rule; the other rules still report', async () => {
  const broken: DockerfileRule = {
    meta: { ...allRules[0]!.meta, id: 'DSC1999', severity: 'warning' },
    check() {
      throw new Error('boom');
    },
  };
  const dl3007 = allRules.find((r) => r.meta.id === 'DL3007')!;
  const { findings } = await lintDockerfile('FROM alpine:latest\n', { rules: [broken, dl3007] });
  assert.deepEqual(brief(findings), ['1:1 DSC1999 error', '1:1 DL3007 warning']);
  assert.match(findings[0]!.message, /internal error in rule DSC1999: boom/);
});

test('a rule that reports and then throws loses its own findings only', async () => {
  const dl3007 = allRules.find((r) => r.meta.id === 'DL3007')!;
  const halfway: DockerfileRule = {
    meta: { ...allRules[0]!.meta, id: 'DSC1998', severity: 'info' },
    check(model, context) {
      context.report(model.dockerfile.instructions[0]!, 'reported before the failure');
      throw new Error('late failure');
    },
  };
  const { findings } = await lintDockerfile('FROM alpine:latest\n', { rules: [dl3007, halfway, dl3007] });
  assert.deepEqual(brief(findings), ['1:1 DL3007 warning', '1:1 DSC1998 error', '1:1 DL3007 warning']);
  assert.match(findings[1]!.message, /internal error in rule DSC1998: late failure/);
});

test('pragmas, overrides, ignored and default-off rules', async () => {
  const text = 'FROM alpine:latest\n# hadolint ignore=DL4000\nMAINTAINER me\nMAINTAINER you\n';
  const plain = await lintDockerfile(text);
  assert.deepEqual(ids(plain.findings), ['1 DL3007', '4 DL4000']);
  const tuned = await lintDockerfile(text, { config: { override: { error: ['DL3007'], info: ['DL3007'] }, ignored: ['DL4000'] } });
  assert.deepEqual(brief(tuned.findings), ['1:1 DL3007 error']);
  const noPragma = await lintDockerfile(text, { config: { disableIgnorePragma: true } });
  assert.deepEqual(ids(noPragma.findings), ['1 DL3007', '3 DL4000', '4 DL4000']);
  // DL3057 is off by default and only appears when a severity override enables it.
  assert.ok(!plain.findings.some((f) => f.ruleId === 'DL3057'));
  const enabled = await lintDockerfile(text, { config: { override: { info: ['DL3057'] } } });
  assert.ok(enabled.findings.some((f) => f.ruleId === 'DL3057' && f.severity === 'info' && f.line === 1));
});

test('findings are sorted by line; rule findings have column 1 and a precise region', async () => {
  const { findings } = await lintDockerfile('FROM alpine\nWORKDIR app\nFROM debian:latest\n');
  assert.deepEqual(ids(findings), ['1 DL3006', '2 DL3000', '3 DL3007']);
  const dl3000 = findings[1]!;
  assert.equal(dl3000.column, 1);
  assert.deepEqual(dl3000.region?.start, { line: 2, column: 9 });
});

test('empty file: DSC1001; unknown flags: DSC1002 and the file is still linted', async () => {
  assert.deepEqual(brief((await lintDockerfile('')).findings), ['1:1 DSC1001 error']);
  assert.deepEqual(brief((await lintDockerfile('# nothing\n\n')).findings), ['1:1 DSC1001 error']);
  const { findings } = await lintDockerfile('FROM alpine:latest\nCOPY --chmown=1 a /b\n');
  assert.deepEqual(brief(findings), ['1:1 DL3007 warning', '2:1 DSC1002 warning']);
  assert.match(engine(findings)[1]!.message, /--chmown/);
});

const shellcheckPath = locateShellCheck(true);
const skip = shellcheckPath === null ? 'shellcheck is not installed on this machine' : false;

test('ShellCheck findings: RUN line, known ARG/ENV, pragmas, exec form and ONBUILD', { skip }, async () => {
  const runner = createProcessRunner(shellcheckPath!);
  const text = [
    'FROM alpine:3.20', // 1
    'ARG version', // 2
    'RUN echo $version $missing', // 3: SC2086 x2, SC2154 for missing only
    '# hadolint ignore=SC2154,SC2086', // 4
    'RUN echo $other', // 5: suppressed
    'RUN ["sh", "-c", "echo $nope"]', // 6: exec form, not checked
    'ONBUILD RUN echo $later', // 7
    '',
  ].join('\n');
  const { findings } = await lintDockerfile(text, { shellcheck: runner });
  const sc = findings.filter((f) => f.ruleId.startsWith('SC'));
  assert.deepEqual(ids(sc).sort(), ['3 SC2086', '3 SC2154', '7 SC2086', '7 SC2154']);
  const missing = sc.find((f) => f.ruleId === 'SC2154' && f.line === 3)!;
  assert.match(missing.message, /missing/);
  assert.equal(missing.sourceLanguage, 'sh');
  assert.equal(missing.column, 1);
  assert.deepEqual(missing.region?.start, { line: 3, column: 19 }, 'the $missing word');
});

test('ShellCheck dialect: /bin/sh by default, SHELL and shell= pragma change it, Windows shells skipped', { skip }, async () => {
  const runner = createProcessRunner(shellcheckPath!);
  const bashism = 'RUN a=$(date); if [[ "$a" == 1 ]]; then echo; fi';
  const sh = await lintDockerfile(`FROM alpine:3.20\n${bashism}\n`, { shellcheck: runner });
  assert.ok(sh.findings.some((f) => f.ruleId === 'SC3010'), 'POSIX sh flags [[ ]]');
  const bash = await lintDockerfile(`FROM alpine:3.20\nSHELL ["/bin/bash", "-c"]\n${bashism}\n`, { shellcheck: runner });
  assert.deepEqual(bash.findings.filter((f) => f.ruleId.startsWith('SC')), []);
  const pragma = await lintDockerfile(`# hadolint shell=/bin/bash\nFROM alpine:3.20\n${bashism}\n`, { shellcheck: runner });
  assert.deepEqual(pragma.findings.filter((f) => f.ruleId.startsWith('SC')), []);
  // As in Hadolint, the pragma's name goes into the shebang verbatim: `bash` is not an absolute path.
  const relative = await lintDockerfile(`# hadolint shell=bash\nFROM alpine:3.20\n${bashism}\n`, { shellcheck: runner });
  assert.deepEqual(ids(relative.findings.filter((f) => f.ruleId.startsWith('SC'))), ['3 SC2239']);
  const pwsh = await lintDockerfile(`FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-c"]\nRUN echo $x\n`, { shellcheck: runner });
  assert.deepEqual(pwsh.findings.filter((f) => f.ruleId.startsWith('SC')), []);
});

test('lintFiles: one ShellCheck call for all files, findings grouped by file, unreadable input reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-linter-'));
  try {
    writeFileSync(join(dir, 'a'), 'FROM alpine:latest\nRUN echo a\n');
    writeFileSync(join(dir, 'b'), 'FROM alpine:3.20\nRUN echo b\nRUN echo c\n');
    const calls: number[] = [];
    const fake: ShellCheckRunner = {
      async check(scripts: readonly ShellCheckScript[]) {
        calls.push(scripts.length);
        return scripts.map(() => [{ code: 2000, level: 'style' as const, message: 'fake', line: 2, column: 1, endLine: 2, endColumn: 2 }]);
      },
    };
    const result = await lintFiles([join(dir, 'a'), join(dir, 'missing'), join(dir, 'b')], defaultLintConfig(), { shellcheck: fake });
    assert.deepEqual(calls, [3]);
    assert.deepEqual(result.files, [join(dir, 'a'), join(dir, 'b')]);
    assert.deepEqual(result.errors, [{ file: join(dir, 'missing'), message: 'no such file or directory' }]);
    assert.deepEqual(
      engine(result.findings).filter((f) => f.ruleId !== 'DL3059').map((f) => `${f.file.slice(dir.length + 1)}:${f.line} ${f.ruleId}`),
      ['a:1 DL3007', 'a:2 SC2000', 'b:2 SC2000', 'b:3 SC2000'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ShellCheck on heredocs: body of RUN <<EOF and of a shell fed a heredoc; regions inside the body', { skip }, async () => {
  const runner = createProcessRunner(shellcheckPath!);
  const text = [
    'FROM alpine:3.20', // 1
    'RUN <<EOF', // 2
    'set -e', // 3
    'echo $one', // 4
    'EOF', // 5
    'RUN bash <<EOF', // 6
    'echo $two', // 7
    'EOF', // 8
    'RUN python3 <<EOF', // 9: not shell
    'print("$three")', // 10
    'EOF', // 11
    'RUN set -e && \\', // 12
    '  echo $four', // 13
    '',
  ].join('\n');
  const { findings } = await lintDockerfile(text, { shellcheck: runner });
  const sc2154 = findings.filter((f) => f.ruleId === 'SC2154');
  assert.deepEqual(
    sc2154.map((f) => `${f.line} ${f.region?.start.line}:${f.region?.start.column}`),
    ['2 4:6', '6 7:6', '12 13:8'],
  );
});
