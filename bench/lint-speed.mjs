#!/usr/bin/env node
/**
 * Lint speed: docksec against dockerfile-utils and dockerfilelint, in one run, on the same corpus.
 *
 *   npm run bench:lint                      (builds first)
 *   node bench/lint-speed.mjs [--reps N] [--small-reps N] [--corpus DIR] [--json FILE]
 *
 * Every measurement is the wall time of a fresh child process, start-up included. One warm-up run of each
 * tool (so the page cache is warm for every tool alike), then N rounds in which each tool runs once:
 * ratios are taken within a round and their median is reported, so the machine's drift over minutes
 * does not favour whichever tool ran in its faster minutes. The tools:
 *   - docksec:          `docksec lint --no-shellcheck -f json DIR` (one process, all rules)
 *   - dockerfile-utils: one node process calling `validate(content)` on every file
 *   - dockerfilelint:   its CLI with every file as an argument (`-o json`), minus the files with
 *                       `HEALTHCHECK CMD` without options, on which 1.8.0 crashes (count printed)
 *   - small file:       `docksec lint --no-shellcheck FILE` on examples/hardened/Dockerfile (spawnSync, so
 *                       nothing of this process's event loop is added), interleaved with `node -e 0`
 * Targets: docksec >= 3x faster than dockerfile-utils, >= 1x dockerfilelint, small file < 150 ms.
 * Exit status 0 when every target is met, 1 otherwise (2 for setup errors). Timing never runs in tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
// What users run: the bundled CLI that package.json's `bin` points to.
const docksecBin = join(root, 'dist', 'bundle', 'docksec.cjs');
const smallFile = join(root, 'examples', 'hardened', 'Dockerfile');

const TARGET_VS_UTILS = 3;
const TARGET_VS_DOCKERFILELINT = 1;
const TARGET_SMALL_MS = 150;

function parseArgs(argv) {
  const options = { reps: 7, smallReps: 20, corpus: join(root, 'bench', '.corpus'), json: null };
  for (let i = 0; i < argv.length; i++) {
    const [arg, value] = [argv[i], argv[i + 1]];
    if (arg === '--reps') options.reps = Number(value);
    else if (arg === '--small-reps') options.smallReps = Number(value);
    else if (arg === '--corpus') options.corpus = resolve(value);
    else if (arg === '--json') options.json = resolve(value);
    else throw new Error(`unknown argument ${arg}`);
    i++;
  }
  return options;
}

/** Runs a command to completion, draining its output; resolves with wall milliseconds and status. */
function timed(command, args, { input } = {}) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdoutBytes += chunk.length;
    });
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      resolvePromise({ ms, code, signal, stdoutBytes, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

/** `timed` for short runs: spawnSync, so no event-loop latency of this process is added to the child's time. */
function timedSync(command, args) {
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd: root, input: '', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return Promise.resolve({ ms, code: child.status, signal: child.signal, stdoutBytes: child.stdout.length, stderr: String(child.stderr).slice(0, 4000) });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Interleaved: one warm-up of each tool, then `reps` rounds in which every tool runs once, so that a
 * machine that gets slower or faster during the benchmark (this VM drifts by 20-40% over minutes) affects
 * every tool alike. Returns each tool's times in round order.
 */
async function measureRounds(reps, tools) {
  for (const tool of tools) tool.check(await tool.run(), tool.label);
  const times = tools.map(() => []);
  for (let round = 0; round < reps; round++) {
    for (const [i, tool] of tools.entries()) {
      const result = await tool.run();
      tool.check(result, tool.label);
      times[i].push(result.ms);
    }
  }
  return tools.map((tool, i) => ({ label: tool.label, median: median(times[i]), min: Math.min(...times[i]), max: Math.max(...times[i]), runs: times[i].length, times: times[i] }));
}

function listCorpus(dir) {
  return readdirSync(dir)
    .filter((name) => /\.dockerfile$/i.test(name) || /^dockerfile/i.test(name))
    .sort()
    .map((name) => join(dir, name));
}

// HEALTHCHECK followed directly by CMD (no options): dockerfilelint 1.8.0 throws on these.
const DOCKERFILELINT_CRASHER = /^\s*healthcheck\s+cmd\b/im;

// The dockerfile-utils batch: one node process, every file read and validated in turn.
const UTILS_BATCH = `
import { readFileSync } from 'node:fs';
import { validate } from 'dockerfile-utils';
const files = readFileSync(0, 'utf8').split('\\n').filter(Boolean);
let problems = 0;
for (const file of files) problems += validate(readFileSync(file, 'utf8')).length;
process.stdout.write(JSON.stringify({ files: files.length, problems }) + '\\n');
`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(docksecBin)) throw new Error(`${docksecBin} is missing; run 'npm run build' first`);
  if (!existsSync(options.corpus) || listCorpus(options.corpus).length < 1000) {
    process.stdout.write('Generating the corpus (bench/gen-corpus.mjs) ...\n');
    const gen = spawnSync(process.execPath, [join(here, 'gen-corpus.mjs'), '--out', options.corpus], { stdio: 'inherit' });
    if (gen.status !== 0) throw new Error('corpus generation failed');
  }
  const files = listCorpus(options.corpus);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const forDockerfilelint = files.filter((_, i) => !DOCKERFILELINT_CRASHER.test(texts[i]));
  const excluded = files.length - forDockerfilelint.length;

  const node = process.execPath;
  const expectOk = (allowed) => (result, label) => {
    if (result.signal || !allowed.includes(result.code)) {
      throw new Error(`${label} failed (exit ${result.code ?? result.signal}): ${result.stderr.slice(0, 500)}`);
    }
    if (/\n\s+at .*\.m?js:\d+/.test(result.stderr)) throw new Error(`${label} printed a stack trace:\n${result.stderr.slice(0, 800)}`);
  };

  process.stdout.write(`Corpus: ${files.length} Dockerfiles, ${(bytes / 1024 / 1024).toFixed(1)} MB (${options.corpus})\n`);
  process.stdout.write(`Machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}\n`);
  process.stdout.write(`Runs: ${options.reps} rounds (corpus) / ${options.smallReps} (small file), the tools interleaved in each round, after one warm-up each\n\n`);

  const dockerfilelintBin = join(root, 'node_modules', 'dockerfilelint', 'bin', 'dockerfilelint');
  const [docksec, utils, dfl] = await measureRounds(options.reps, [
    {
      label: 'docksec lint DIR',
      run: () => timed(node, [docksecBin, 'lint', '--no-shellcheck', '-f', 'json', options.corpus]),
      check: expectOk([0, 1]),
    },
    {
      label: 'dockerfile-utils validate()',
      run: () => timed(node, ['--input-type=module', '-e', UTILS_BATCH], { input: files.join('\n') }),
      check: expectOk([0]),
    },
    {
      label: 'dockerfilelint (batch CLI)',
      // It exits with the number of issues found (mod 256), so any status is a completed run; crashes are caught by the stack-trace check.
      run: () => timed(node, [dockerfilelintBin, '-o', 'json', ...forDockerfilelint]),
      check: (result, label) => {
        if (result.signal || result.stdoutBytes === 0) throw new Error(`${label} produced no report: ${result.stderr.slice(0, 500)}`);
        expectOk(Array.from({ length: 256 }, (_, i) => i))(result, label);
      },
    },
  ]);
  // The small file, interleaved with Node's own start-up for reference.
  const [small, bareNode] = await measureRounds(options.smallReps, [
    { label: 'docksec lint, one small file', run: () => timedSync(node, [docksecBin, 'lint', '--no-shellcheck', smallFile]), check: expectOk([0, 1]) },
    { label: 'node -e 0', run: () => timedSync(node, ['-e', '0']), check: expectOk([0]) },
  ]);

  // Ratios of the same round, then their median: robust to the machine's drift between rounds.
  const vsUtils = median(docksec.times.map((ms, i) => utils.times[i] / ms));
  const vsDfl = median(docksec.times.map((ms, i) => (dfl.times[i] / forDockerfilelint.length) / (ms / files.length)));
  const rate = (count, ms) => (count / (ms / 1000)).toFixed(0);
  const rows = [
    [docksec.label, files.length, docksec.median, rate(files.length, docksec.median), '1.00x'],
    [utils.label, files.length, utils.median, rate(files.length, utils.median), `${vsUtils.toFixed(2)}x`],
    [dfl.label, forDockerfilelint.length, dfl.median, rate(forDockerfilelint.length, dfl.median),
      // per-file comparison, since dockerfilelint sees fewer files
      `${vsDfl.toFixed(2)}x`],
  ];
  const header = ['tool', 'files', 'median ms', 'files/s', 'docksec speed-up (median of rounds)'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(typeof r[i] === 'number' && i === 2 ? r[i].toFixed(0) : r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(typeof c === 'number' && i === 2 ? c.toFixed(0) : c).padEnd(widths[i])).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(`(dockerfilelint skipped ${excluded} file(s) with 'HEALTHCHECK CMD' and no options, which crash it; its ratio is per file)\n`);
  process.stdout.write(`One small file: median ${small.median.toFixed(0)} ms; node -e 0 in the same rounds: median ${bareNode.median.toFixed(0)} ms (docksec's own share ~${(small.median - bareNode.median).toFixed(0)} ms)\n\n`);

  const checks = [
    [`docksec >= ${TARGET_VS_UTILS}x faster than dockerfile-utils`, vsUtils >= TARGET_VS_UTILS, `${vsUtils.toFixed(2)}x (median of per-round ratios)`],
    [`docksec no slower than dockerfilelint`, vsDfl >= TARGET_VS_DOCKERFILELINT, `${vsDfl.toFixed(2)}x (median of per-round ratios, per file)`],
    [`one small file < ${TARGET_SMALL_MS} ms (start-up included)`, small.median < TARGET_SMALL_MS,
      `median ${small.median.toFixed(0)} ms (min ${small.min.toFixed(0)}, max ${small.max.toFixed(0)})`],
  ];
  for (const [name, ok, detail] of checks) process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}\n`);

  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ files: files.length, bytes, excludedForDockerfilelint: excluded, docksec, utils, dockerfilelint: dfl, small, bareNode, vsUtils, vsDockerfilelint: vsDfl }, null, 2)}\n`);
  }
  return checks.every(([, ok]) => ok) ? 0 : 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    process.stderr.write(`lint-speed: ${error.message}\n`);
    process.exitCode = 2;
  },
);
