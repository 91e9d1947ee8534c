import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../src/cli/main.js', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function docksec(args: string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  // A clean environment: docksec's opt-in CIS rules stay off, so the behaviour under test is Hadolint's.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: options.cwd ?? tmpdir(),
    ...options.env,
  };
  const run = spawnSync(process.execPath, [main, ...args], {
    cwd: options.cwd ?? tmpdir(),
    input: options.input ?? '',
    encoding: 'utf8',
    env,
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function noStackTrace(run: Run): void {
  assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
}

function codes(run: Run): string[] {
  const items = JSON.parse(run.stdout) as { code: string; line: number; file: string }[];
  return items.map((i) => `${i.line} ${i.code}`);
}

const dir = mkdtempSync(join(tmpdir(), 'docksec-cli-'));
const warn = join(dir, 'Dockerfile.warn');
const clean = join(dir, 'Dockerfile.clean');
const styleOnly = join(dir, 'Dockerfile.style');
writeFileSync(warn, 'FROM alpine:latest\n');
writeFileSync(clean, 'FROM alpine:3.20\nUSER 1000\n');
writeFileSync(styleOnly, 'FROM alpine:3.20\nLABEL Bad_Key=1\n');
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

test('--version and --help', () => {
  assert.deepEqual(docksec(['--version']), { status: 0, stdout: `docksec ${version}\n`, stderr: '' });
  assert.equal(docksec(['lint', '--version']).stdout, `docksec ${version}\n`);
  const help = docksec(['lint', '--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--failure-threshold/);
  assert.match(docksec(['--help']).stdout, /lint\s+Lint Dockerfiles/);
});

test('usage errors exit 2 with one line and no stack trace', () => {
  const cases: [string[], RegExp][] = [
    [['lint', '--bogus', warn], /^docksec: unknown option --bogus/],
    [['lint', '-f', 'yaml', warn], /^docksec: unknown format 'yaml'/],
    [['lint', '-t', 'loud', warn], /^docksec: invalid failure threshold 'loud'/],
    [['lint', join(dir, 'missing')], /^docksec: .*missing: no such file or directory/],
    [['lint', '-c', join(dir, 'nope.yaml'), warn], /^docksec: cannot read config file/],
    [['frobnicate'], /^docksec: unknown command 'frobnicate'/],
    [['lint', '--format'], /^docksec: option --format needs a value/],
  ];
  for (const [args, message] of cases) {
    const run = docksec(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    noStackTrace(run);
  }
  const none = docksec(['lint']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no Dockerfile given[\s\S]*Usage: docksec lint/);
  assert.equal(docksec([]).status, 2);
});

test('exit status: 1 on findings at or above the threshold, 0 otherwise', () => {
  assert.equal(docksec(['lint', '--no-shellcheck', clean]).status, 0);
  assert.equal(docksec(['lint', '--no-shellcheck', clean]).stdout, '');
  assert.equal(docksec(['lint', '--no-shellcheck', warn]).status, 1);
  assert.equal(docksec(['lint', '--no-shellcheck', '--no-fail', warn]).status, 0);
  assert.equal(docksec(['lint', '--no-shellcheck', '-t', 'error', warn]).status, 0);
  assert.equal(docksec(['lint', '--no-shellcheck', '--failure-threshold=warning', warn]).status, 1);
  assert.equal(docksec(['lint', '--no-shellcheck', styleOnly]).status, 0, 'style does not fail the default threshold');
  assert.equal(docksec(['lint', '--no-shellcheck', '-t', 'style', styleOnly]).status, 1);
  assert.equal(docksec(['lint', '--no-shellcheck', '-t', 'none', styleOnly]).status, 1);
  assert.equal(docksec(['lint', '--no-shellcheck', '-f', 'codeclimate', warn]).status, 0);
  assert.equal(docksec(['lint', '--no-shellcheck', '-f', 'codacy', warn]).status, 0);
  assert.equal(docksec(['lint', '--no-shellcheck', '-f', 'gitlab_codeclimate', warn]).status, 1);
  assert.equal(docksec(['lint', '--no-shellcheck', '--ignore', 'DL3007', warn]).status, 0);
  assert.equal(docksec(['lint', '--no-shellcheck', '--error', 'DL3048', '-t', 'error', styleOnly]).status, 1);
  assert.equal(docksec(['lint', '--no-shellcheck', warn], { env: { HADOLINT_NOFAIL: 'true' } }).status, 0);
});

test('json output, stdin as -, overrides', () => {
  const run = docksec(['lint', '--no-shellcheck', '-f', 'json', '--style', 'DL3007', '-'], { input: 'FROM alpine:latest\nMAINTAINER x\n' });
  assert.equal(run.status, 1);
  const items = JSON.parse(run.stdout) as { code: string; file: string; level: string; line: number; column: number }[];
  assert.deepEqual(
    items.map((i) => [i.file, i.line, i.column, i.code, i.level]),
    [
      ['-', 1, 1, 'DL3007', 'style'],
      ['-', 2, 1, 'DL4000', 'error'],
    ],
  );
});

test('formats pair with outputs by position; extra formats go to stdout', () => {
  const out = join(dir, 'report.json');
  const run = docksec(['lint', '--no-shellcheck', '-f', 'json', '-o', out, '-f', 'gnu', warn]);
  assert.equal(run.status, 1);
  assert.deepEqual(codes({ ...run, stdout: readFileSync(out, 'utf8') }), ['1 DL3007']);
  assert.match(run.stdout, /DL3007/);
  assert.doesNotMatch(run.stdout, /^\[/);
});

test('directories are walked recursively, honouring .gitignore and --exclude', () => {
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'svc', 'api'), { recursive: true });
  mkdirSync(join(tree, 'ignored'), { recursive: true });
  mkdirSync(join(tree, 'skip'), { recursive: true });
  writeFileSync(join(tree, '.gitignore'), 'ignored/\n');
  writeFileSync(join(tree, 'svc', 'api', 'Dockerfile'), 'FROM alpine:latest\n');
  writeFileSync(join(tree, 'svc', 'worker.Dockerfile'), 'FROM debian:latest\n');
  writeFileSync(join(tree, 'ignored', 'Dockerfile'), 'FROM alpine:latest\n');
  writeFileSync(join(tree, 'skip', 'Dockerfile'), 'FROM alpine:latest\n');
  const run = docksec(['lint', '--no-shellcheck', '-f', 'json', '--exclude', 'skip', '.'], { cwd: tree });
  const items = JSON.parse(run.stdout) as { code: string; file: string }[];
  assert.deepEqual(items.map((i) => `${i.file} ${i.code}`), ['svc/api/Dockerfile DL3007', 'svc/worker.Dockerfile DL3007']);
});

test('config file in the working directory; an invalid one is reported and skipped', () => {
  const project = join(dir, 'project');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, 'Dockerfile'), 'FROM alpine:latest\n');
  writeFileSync(join(project, '.hadolint.yaml'), 'ignored:\n  - DL3007\n');
  const ignoring = docksec(['lint', '--no-shellcheck', 'Dockerfile'], { cwd: project });
  assert.deepEqual([ignoring.status, ignoring.stdout], [0, '']);
  writeFileSync(join(project, '.hadolint.yaml'), 'ignored: [DL3007\n');
  const invalid = docksec(['lint', '--no-shellcheck', '-f', 'json', 'Dockerfile'], { cwd: project });
  assert.equal(invalid.status, 1);
  assert.match(invalid.stderr, /invalid config file .*\.hadolint\.yaml:\d+:\d+: .*continuing without it/);
  assert.deepEqual(codes(invalid), ['1 DL3007']);
  noStackTrace(invalid);
});

test('missing shellcheck: one notice on stderr, exit status unaffected', () => {
  const file = join(dir, 'Dockerfile.run');
  writeFileSync(file, 'FROM alpine:3.20\nRUN echo $a\nRUN echo $b\n');
  const run = docksec(['lint', '-f', 'json', file], { env: { PATH: '' } });
  assert.equal(run.stderr.match(/shellcheck is not installed/g)?.length, 1);
  const quiet = docksec(['lint', '--no-shellcheck', '-f', 'json', file], { env: { PATH: '' } });
  assert.equal(quiet.stderr, '');
  assert.equal(run.status, quiet.status);
});

test('shellcheck findings through the CLI', { skip: spawnSync('shellcheck', ['--version']).status === 0 ? false : 'shellcheck not installed' }, () => {
  const file = join(dir, 'Dockerfile.sc');
  writeFileSync(file, 'FROM alpine:3.20\nRUN echo $missing\n');
  const run = docksec(['lint', '-f', 'json', file]);
  assert.deepEqual(codes(run), ['2 SC2086', '2 SC2154']);
});

test('parse command: listing and JSON', () => {
  const listing = docksec(['parse', warn]);
  assert.equal(listing.status, 0);
  assert.match(listing.stdout, /^1:1 FROM alpine:latest$/m);
  const json = docksec(['parse', '--json', warn]);
  const doc = JSON.parse(json.stdout) as { instructions: { keyword: string }[] };
  assert.deepEqual(doc.instructions.map((i) => i.keyword), ['FROM']);
  assert.equal(docksec(['parse']).status, 2);
});

test('--profile cis turns on the CIS section 4 rules; an unknown profile is a usage error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-profile-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12.5\nCMD ["sh"]\n');
  const plain = docksec(['lint', '--no-shellcheck', '-f', 'json', 'Dockerfile'], { cwd: dir });
  assert.equal(plain.status, 0);
  assert.deepEqual(JSON.parse(plain.stdout), []);
  const cis = docksec(['lint', '--no-shellcheck', '--profile', 'cis', '-f', 'json', 'Dockerfile'], { cwd: dir });
  assert.equal(cis.status, 1);
  assert.deepEqual(JSON.parse(cis.stdout).map((f: { code: string }) => f.code).sort(), ['DSC4001', 'DSC4006']);
  const bad = docksec(['lint', '--profile', 'nope', 'Dockerfile'], { cwd: dir });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown profile 'nope'/);
});
