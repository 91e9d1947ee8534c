/**
 * The published CLI is the esbuild bundle (`bin` -> dist/bundle/docksec.cjs, a CommonJS launcher for lint.cjs and the ES bundle docksec.mjs). These tests run it the way
 * users do and check it behaves exactly like the tsc build the other CLI tests spawn: same stdout, same
 * stderr, same exit status, including the lazily loaded tree-sitter path and the worker-thread path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../../src/version.js';
import { readVersion } from '../../src/cli/version.js';
import { toolVersion } from '../../src/bench/collector/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: { docksec: string }; files: string[] };
const bundle = join(root, pkg.bin.docksec);
const compiled = join(root, 'dist/src/cli/main.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(entry: string, args: string[], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [...nodeArgs, entry, ...args], {
    cwd: root,
    input: '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: tmpdir(), ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** JUnit reports carry the time of the run (`id="20261128_203051"`, `run at 2026-11-28 20:30:51`). */
function withoutClock(text: string): string {
  return text.replace(/\b\d{8}_\d{6}\b/g, 'ID').replace(/ time="[0-9.]+"/g, ' time="T"').replace(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d/g, 'TIME');
}

/** Runs both builds: nothing may differ but the clock. */
function assertSameAsCompiled(args: string[], nodeArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Run {
  const fromBundle = run(bundle, args, nodeArgs, env);
  const fromTsc = run(compiled, args, nodeArgs, env);
  assert.equal(fromBundle.stderr, fromTsc.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(withoutClock(fromBundle.stdout), withoutClock(fromTsc.stdout), `stdout of ${args.join(' ')}`);
  assert.equal(fromBundle.status, fromTsc.status, `exit status of ${args.join(' ')}`);
  return fromBundle;
}

test('the version is injected from package.json', () => {
  assert.equal(VERSION, pkg.version);
  assert.equal(readVersion(), pkg.version);
  assert.equal(toolVersion(), pkg.version);
  const shown = run(bundle, ['--version']);
  assert.equal(shown.status, 0);
  assert.equal(shown.stdout.trim(), `docksec ${pkg.version}`);
});

test('bin points at the bundle, which is packed and starts with a shebang', () => {
  assert.equal(pkg.bin.docksec, 'dist/bundle/docksec.cjs');
  assert.ok(pkg.files.includes('dist/bundle'));
  assert.ok(readFileSync(bundle, 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('lint: findings, exit status and every output format match the tsc build', () => {
  const hardened = assertSameAsCompiled(['lint', '--no-shellcheck', 'examples/hardened/Dockerfile']);
  assert.equal(hardened.status, 0);
  const json = assertSameAsCompiled(['lint', '--no-shellcheck', '-f', 'json', '--profile', 'all', '--no-fail', 'examples/']);
  assert.ok((JSON.parse(json.stdout) as unknown[]).length > 0, 'the examples have findings under --profile all');
  for (const format of ['tty', 'sarif', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'junit', 'sonarqube', 'codacy']) {
    assertSameAsCompiled(['lint', '--no-shellcheck', '-f', format, 'examples/node-app/Dockerfile']);
  }
});

test('lint: scripts the fast shell path declines load tree-sitter and its WASM from the bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-bundle-'));
  try {
    const file = join(dir, 'Dockerfile');
    // Backticks: the fast path declines them, so tree-sitter-bash parses this script.
    writeFileSync(file, 'FROM debian:12\nRUN f() { echo `date`; }; f && apt-get install -y curl\n');
    const result = assertSameAsCompiled(['lint', '--no-shellcheck', '-f', 'json', file]);
    const codes = (JSON.parse(result.stdout) as { code: string }[]).map((f) => f.code).sort();
    assert.deepEqual(codes, ['DL3008', 'DL3015']);
    assert.equal(result.status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lint: the worker-thread path finds parallel-worker.js next to the bundle chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-bundle-'));
  try {
    // Workers start only on 4+ cores: pretend to have 8 so this runs on any machine. A chunk a worker
    // fails to lint is redone by the main thread (same output), so count the workers' results directly.
    const cores = join(dir, 'cores.mjs');
    const log = join(dir, 'worker-results.log');
    writeFileSync(
      cores,
      "import os from 'node:os'; import threads from 'node:worker_threads'; import { appendFileSync } from 'node:fs';\n" +
        "import { syncBuiltinESMExports } from 'node:module';\n" +
        'os.availableParallelism = () => 8;\n' +
        'const Original = threads.Worker;\n' +
        'threads.Worker = class extends Original { constructor(...args) { super(...args);\n' +
        "  this.on('message', (m) => appendFileSync(process.env.WORKER_LOG, (m && m.result ? 'result ' : 'failed ') + String(args[0]) + '\\n')); } };\n" +
        'syncBuiltinESMExports();\n',
    );
    // Enough work that the workers get chunks before the main thread has done them all (24 files each).
    const example = readFileSync(join(root, 'examples/python-multistage/Dockerfile'), 'utf8');
    for (let i = 0; i < 240; i++) {
      writeFileSync(join(dir, `${String(i).padStart(3, '0')}.Dockerfile`), `${example}RUN apk add curl${i % 3 === 0 ? ' && cd /tmp' : ''}\n`);
    }
    const result = assertSameAsCompiled(['lint', '--no-shellcheck', '-f', 'json', dir], ['--import', cores], { WORKER_LOG: log });
    const findings = JSON.parse(result.stdout) as { code: string; file: string }[];
    assert.equal(findings.filter((f) => f.code === 'DL3018').length, 240);
    assert.equal(findings.filter((f) => f.code === 'DL3003').length, 80);
    const workerResults = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    assert.ok(workerResults.some((r) => r.endsWith('/dist/bundle/parallel-worker.js') && r.startsWith('result ')), 'bundle workers linted chunks');
    assert.deepEqual(workerResults.filter((r) => !r.startsWith('result ')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lint: large runs turn off V8 inlining (batch tuning), one-file runs leave V8 flags alone', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-bundle-'));
  try {
    // Records every V8 flag docksec sets, through the module object the bundle imports.
    const hook = join(dir, 'flags.mjs');
    const log = join(dir, 'flags.log');
    writeFileSync(
      hook,
      "import v8 from 'node:v8'; import { appendFileSync } from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';\n" +
        'const set = v8.setFlagsFromString;\n' +
        "v8.setFlagsFromString = (flags) => { appendFileSync(process.env.FLAGS_LOG, flags + '\\n'); set(flags); };\n" +
        'syncBuiltinESMExports();\n',
    );
    const flagsSet = (): string[] => {
      if (!existsSync(log)) return [];
      const flags = readFileSync(log, 'utf8').split('\n').filter(Boolean);
      rmSync(log);
      return flags;
    };
    const files = join(dir, 'files');
    for (let i = 0; i < 64; i++) {
      cpSync(join(root, 'examples/python-multistage/Dockerfile'), join(files, `${String(i).padStart(2, '0')}.Dockerfile`));
    }
    run(bundle, ['lint', '--no-shellcheck', 'examples/hardened/Dockerfile'], ['--import', hook], { FLAGS_LOG: log });
    assert.deepEqual(flagsSet(), []);
    const result = run(bundle, ['lint', '--no-shellcheck', '-f', 'json', files], ['--import', hook], { FLAGS_LOG: log });
    assert.deepEqual(flagsSet(), ['--no-turbo-inlining']);
    assert.equal(result.stderr, '');
    assert.equal((JSON.parse(result.stdout) as unknown[]).length % 64, 0, 'every file has the same findings');
    assert.deepEqual(run(compiled, ['lint', '--no-shellcheck', '-f', 'json', files]).stdout, result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lint with a YAML config file: the bundle (lint.cjs, and the ES chunks without it) matches the tsc build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-bundle-'));
  try {
    const config = join(dir, 'hadolint.yaml');
    writeFileSync(config, 'ignored:\n  - DL3006\noverride:\n  error:\n    - DL3008\n');
    const args = ['lint', '--no-shellcheck', '-f', 'json', '--config', config, 'examples/node-app/Dockerfile'];
    const result = assertSameAsCompiled(args);
    const findings = JSON.parse(result.stdout) as { code: string; level: string }[];
    assert.ok(!findings.some((f) => f.code === 'DL3006'), 'the config file was applied');
    assert.equal(findings.find((f) => f.code === 'DL3008')?.level, 'error');
    // Without lint.cjs the bundle imports the lint command's ES chunks (bundled yaml there too).
    const copy = join(dir, 'bundle');
    cpSync(dirname(bundle), copy, { recursive: true });
    rmSync(join(copy, 'lint.cjs'));
    const fallback = run(join(copy, 'docksec.mjs'), args);
    assert.equal(fallback.stderr, '');
    assert.equal(fallback.stdout, result.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Loads `script` through code-cache.ts in a fresh process, says on stderr whether the cache was used, then lints. */
function runWithCache(script: string, cache: string, lintArgs: string[]): Run {
  const loader = new URL('../../src/cli/code-cache.js', import.meta.url).href;
  const code = `import { readFileSync } from 'node:fs';
const { runCompiledScript } = await import(${JSON.stringify(loader)});
const { exports, cacheUsed } = runCompiledScript(${JSON.stringify(script)}, { cacheFile: readFileSync(${JSON.stringify(cache)}), importModule: (s) => import(s) });
process.stderr.write('cacheUsed=' + cacheUsed + '\\n');
process.exitCode = await exports.run(${JSON.stringify(lintArgs)});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: root,
    input: '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: tmpdir() },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('lint.cjs runs with its build-time code cache, and a stale cache is never used', () => {
  const script = join(dirname(bundle), 'lint.cjs');
  const cache = `${script}.cache`;
  const lintArgs = ['--no-shellcheck', '-f', 'json', 'examples/node-app/Dockerfile'];
  const fresh = runWithCache(script, cache, lintArgs);
  assert.equal(fresh.stderr, 'cacheUsed=true\n');
  assert.equal(fresh.stdout, run(compiled, ['lint', ...lintArgs]).stdout);

  // The same script with one message changed (same length, which V8's own check would not notice) and
  // the old cache: the cache is refused and the changed source is what runs.
  const dir = mkdtempSync(join(tmpdir(), 'docksec-bundle-'));
  try {
    const text = readFileSync(script, 'utf8');
    const message = 'MAINTAINER is deprecated; use a LABEL';
    assert.ok(text.includes(message));
    const staleScript = join(dir, 'lint.cjs');
    writeFileSync(staleScript, text.replace(message, 'MAINTAINER is DEPRECATED; use a LABEL'));
    const stale = runWithCache(staleScript, cache, lintArgs);
    assert.equal(stale.stderr, 'cacheUsed=false\n');
    assert.equal(stale.stdout, fresh.stdout.replace('MAINTAINER is deprecated', 'MAINTAINER is DEPRECATED'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bench and parse run from the bundle like from the tsc build', () => {
  const bench = assertSameAsCompiled(['bench', '--from-snapshot', 'examples/host-snapshot.json', '-f', 'json', '--fail-on', 'none']);
  assert.equal(bench.status, 0);
  assertSameAsCompiled(['parse', 'examples/hardened/Dockerfile']);
  const usage = assertSameAsCompiled(['lint', '--no-such-option']);
  assert.equal(usage.status, 2);
  // Through the launcher into the ES bundle's main: help, errors and the help command.
  assert.equal(assertSameAsCompiled(['--help']).status, 0);
  assert.equal(assertSameAsCompiled(['no-such-command']).status, 2);
  assert.equal(assertSameAsCompiled(['help', 'lint']).status, 0);
  assert.equal(assertSameAsCompiled([]).status, 2);
  // The ES entry runs by itself too, once (not a second time through the launcher's marker).
  const direct = run(join(root, 'dist/bundle/docksec.mjs'), ['lint', '--no-shellcheck', '-f', 'json', 'examples/node-app/Dockerfile']);
  assert.equal(direct.stdout, run(compiled, ['lint', '--no-shellcheck', '-f', 'json', 'examples/node-app/Dockerfile']).stdout);
});

test('a reader that goes away (| head) ends the output quietly: no EPIPE stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docksec-bundle-'));
  try {
    // Far more output than a pipe buffer holds, so the writer is still writing when the reader exits.
    const example = readFileSync(join(root, 'examples/node-app/Dockerfile'), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.Dockerfile`), example);
    for (const entry of [bundle, compiled]) {
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${entry}" lint --no-shellcheck -f json "${dir}" | head -c 20`], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(result.stdout, '[{"code":"DL3006","c', entry);
      assert.equal(result.stderr, '', entry);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Metafile {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

/** Every input module a chunk loads before running, i.e. along static imports only. */
function staticallyLoaded(meta: Metafile, output: string): Set<string> {
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const pending = [output];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const chunk = meta.outputs[next];
    if (chunk === undefined) {
      inputs.add(next); // an external package or a node: builtin
      continue;
    }
    for (const input of Object.keys(chunk.inputs)) inputs.add(input);
    for (const imported of chunk.imports) if (imported.kind === 'import-statement') pending.push(imported.path);
  }
  return inputs;
}

test('lint loads neither bench code nor web-tree-sitter up front (separate chunks)', () => {
  const meta = JSON.parse(readFileSync(join(root, 'dist/bundle-meta.json'), 'utf8')) as Metafile;
  const outputOf = (entry: string): string => {
    const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
    assert.ok(found, `a chunk for ${entry}`);
    return found[0];
  };
  for (const entry of ['dist/src/cli/main.js', 'dist/src/cli/lint-command.js']) {
    const loaded = [...staticallyLoaded(meta, outputOf(entry))];
    assert.deepEqual(loaded.filter((p) => p.startsWith('dist/src/bench/') || p === 'web-tree-sitter' || p.includes('tree-sitter-shell')), [], entry);
  }
  const benchLoaded = staticallyLoaded(meta, outputOf('dist/src/cli/bench-command.js'));
  assert.ok(benchLoaded.has('dist/src/bench/collector/index.js'), 'bench-command carries the collector');
});
