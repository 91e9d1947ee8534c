/**
 * Hostile inputs through the real CLI (a spawned `docksec lint`): each must end with a documented exit
 * status (1 findings, 2 input error), a `file:line:column` finding or a one-line error naming the file,
 * and no stack trace. The requirement is "within 2 s"; the tests log the time and only enforce a
 * generous bound (the process is killed after 15 s), since CI machines are shared and slow.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'docksec-robustness-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const GENEROUS_MS = 15_000;
const STACK_TRACE = /\n\s+at .*\.js:\d+/;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function lint(file: string): Run {
  const start = performance.now();
  const run = spawnSync(process.execPath, [main, 'lint', '--no-shellcheck', '--no-color', file], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir }, // no user configuration, no opt-in profiles
    encoding: 'utf8',
    timeout: GENEROUS_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - start };
}

/** Common expectations: finished (not killed), the expected status, no stack trace anywhere. */
function finished(run: Run, status: number, t: { diagnostic(message: string): void }): void {
  t.diagnostic(`finished in ${run.ms.toFixed(0)} ms`);
  assert.equal(run.signal, null, `killed after ${GENEROUS_MS} ms: it hung`);
  assert.equal(run.status, status, `exit status (stderr: ${run.stderr.slice(0, 300)})`);
  assert.doesNotMatch(run.stderr, STACK_TRACE, 'no stack trace on stderr');
  assert.doesNotMatch(run.stdout, STACK_TRACE, 'no stack trace on stdout');
  assert.doesNotMatch(run.stderr, /internal error/i);
}

/** The tty lines `file:line:column CODE severity: message` of a run. */
function findingLines(run: Run): string[] {
  return run.stdout.split('\n').filter((line) => /^\S.*:\d+:\d+ [A-Z]+\d+ /.test(line));
}

test('binary file: DL1000 at the first NUL byte, exit 1', { timeout: GENEROUS_MS + 5_000 }, (t) => {
  // An ELF header: NUL is the 8th byte of line 1; the bytes after it are not UTF-8 either.
  const bytes = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe, 0x10, 0x00, 0x3e, 0x00]);
  const file = write('binary.Dockerfile', bytes);
  const run = lint(file);
  finished(run, 1, t);
  const lines = findingLines(run);
  assert.ok(lines.includes(`${file}:1:8 DL1000 error: not a text file: it contains a NUL byte`), lines.join('\n'));
});

test('empty file: DSC1001 at 1:1 (no instructions), exit 1', { timeout: GENEROUS_MS + 5_000 }, (t) => {
  const file = write('empty.Dockerfile', '');
  const run = lint(file);
  finished(run, 1, t);
  const lines = findingLines(run);
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.ok(lines[0]!.startsWith(`${file}:1:1 DSC1001 error: `), lines[0]);
});

test('20 MB file: refused with one line naming the file and the limit, exit 2', { timeout: GENEROUS_MS + 10_000 }, (t) => {
  const line = `RUN echo ${'x'.repeat(100)}\n`;
  const file = write('big.Dockerfile', `FROM alpine:3.20\n${line.repeat(Math.ceil((20 * 1024 * 1024) / line.length))}`);
  const run = lint(file);
  finished(run, 2, t);
  assert.equal(run.stderr.trim(), `docksec: ${file}: file is larger than 8388608 bytes`);
  assert.deepEqual(findingLines(run), []);
});

test('10,000 continuation lines: linted, findings at the exact line and column deep inside, exit 1', { timeout: GENEROUS_MS + 5_000 }, (t) => {
  const parts = ['FROM debian:12.5-slim', 'RUN echo start \\'];
  for (let i = 0; i < 10_000; i++) parts.push(i === 7_000 ? '    && apt-get install curl=7.88.1-10 \\' : `    && echo line-${i} \\`);
  parts.push('    && echo end', '');
  const file = write('continuations.Dockerfile', parts.join('\n'));
  const run = lint(file);
  finished(run, 1, t);
  const lines = findingLines(run);
  // apt-get install without -y / --no-install-recommends, deep inside the continuation: located exactly there.
  assert.deepEqual(
    lines.map((l) => l.slice(0, l.indexOf(':', `${file}:7003:8 DL3014 `.length))),
    [`${file}:7003:8 DL3014 warning`, `${file}:7003:8 DL3015 info`],
  );
  assert.ok(lines.every((l) => !l.includes(' DL1000 ')), 'no syntax error');
});

test('unterminated heredoc: DL1000 at the marker, exit 1', { timeout: GENEROUS_MS + 5_000 }, (t) => {
  const file = write('heredoc.Dockerfile', 'FROM alpine:3.20\nRUN <<EOT\nset -e\necho never ends\n');
  const run = lint(file);
  finished(run, 1, t);
  assert.ok(
    findingLines(run).includes(`${file}:2:5 DL1000 error: unterminated heredoc: no line 'EOT' before the end of the file`),
    run.stdout,
  );
});

test('invalid UTF-8: DL1000 at the first bad byte, the rest still linted, exit 1', { timeout: GENEROUS_MS + 5_000 }, (t) => {
  const bytes = Buffer.concat([
    Buffer.from('FROM alpine\nLABEL a="'),
    Buffer.from([0xff, 0xfe, 0xc3, 0x28]), // not UTF-8: 0xff can never appear, 0xc3 needs a continuation byte
    Buffer.from('"\n'),
  ]);
  const file = write('utf8.Dockerfile', bytes);
  const run = lint(file);
  finished(run, 1, t);
  const lines = findingLines(run);
  assert.ok(lines.includes(`${file}:2:10 DL1000 error: invalid UTF-8 byte sequence (read as U+FFFD); save the file as UTF-8`), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith(`${file}:1:6 DL3006 `)), 'the rest of the file is still linted');
});
