#!/usr/bin/env node
/**
 * Times `docksec bench -f json` against docker-bench-security on the same host, at two container
 * counts, and checks the two targets: at the largest size docksec is >= 50x faster, and its time grows
 * by <= 5 ms per extra container (slope between the two sizes).
 *
 *   npm run bench:host                        # sizes 50,100; docker-bench from $DOCKER_BENCH_SECURITY
 *   node bench/bench-speed.mjs --sizes 20,40 --runs 5 --dbs-runs 1 [--skip-dbs] [--keep]
 *
 * Containers are named docksec-speed-<n> (busybox `sleep`, running) and removed at the end (also on
 * Ctrl-C). Durations are monotonic (performance.now). docksec is timed --runs times (after a warm-up) at
 * each size while growing and again while shrinking, and the pooled median is used; its own CPU time is
 * printed too (via /usr/bin/time), which other load on a shared machine does not inflate. docker-bench is
 * the median of --dbs-runs runs at the largest size only (it takes minutes).
 * Without DOCKER_BENCH_SECURITY (or with --skip-dbs) only docksec is timed and the ratio is not judged.
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { run, runDockerBench } from './compare-docker-bench.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = 'docksec-speed-';
const IMAGE = 'docksec-test/busybox:latest';
const TARGET_RATIO = 50;
const TARGET_SLOPE_MS = 5;

const helpers = await import(join(repo, 'dist/test/helpers/docker.js'));

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '50,100' },
    runs: { type: 'string', default: '5' },
    'dbs-runs': { type: 'string', default: '1' },
    'skip-dbs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
const runs = Math.max(1, Number(values.runs));
const dbsRuns = Math.max(1, Number(values['dbs-runs']));
const dbsDir = values['skip-dbs'] ? undefined : process.env.DOCKER_BENCH_SECURITY;
if (sizes.length < 2) {
  console.error('bench-speed: --sizes needs two container counts, e.g. 50,100');
  process.exit(2);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);

async function countContainers() {
  const all = await run('docker', ['ps', '-aq']);
  const running = await run('docker', ['ps', '-q']);
  const n = (r) => r.stdout.split('\n').filter(Boolean).length;
  return { all: n(all), running: n(running) };
}

/** Grows our container set to `size` (4 `docker run` at a time). */
async function growTo(size, existing) {
  const next = [];
  for (let i = existing; i < size; i++) next.push(i);
  let index = 0;
  const worker = async () => {
    while (index < next.length) {
      const n = next[index++];
      await helpers.runContainer(['--name', `${PREFIX}${n}`, IMAGE, 'sleep', '86400']);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

const TIME = '/usr/bin/time';
const haveTime = await run(TIME, ['-f', '%U', 'true']).then((r) => r.code === 0);

/** One docksec run: wall time (monotonic) and, with /usr/bin/time, its own CPU time (user + sys). */
async function docksecOnce() {
  const args = [join(repo, 'dist/src/cli/main.js'), 'bench', '-f', 'json', '--fail-on', 'none'];
  const r = haveTime ? await run(TIME, ['-f', 'DOCKSEC_CPU %U %S', process.execPath, ...args]) : await run(process.execPath, args);
  if (r.code !== 0) throw new Error(`docksec bench failed: ${r.stderr.trim()}`);
  const cpu = /DOCKSEC_CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall: r.ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : undefined };
}

async function timeDocksec(count = runs) {
  await docksecOnce(); // warm-up (page cache, daemon caches)
  const samples = [];
  for (let i = 0; i < count; i++) samples.push(await docksecOnce());
  return samples;
}

function summarize(samples) {
  const wall = samples.map((s) => s.wall);
  const cpu = samples.map((s) => s.cpu).filter((x) => x !== undefined);
  return { median: median(wall), times: wall, cpuMedian: cpu.length ? median(cpu) : undefined };
}

/** Removes every container named PREFIX* (the test helper's cleanup only accepts docksec-test-*). */
async function removeOurs() {
  const ids = (await run('docker', ['ps', '-aq', '--filter', `name=^${PREFIX}`])).stdout.split('\n').filter(Boolean);
  if (ids.length > 0) await run('docker', ['rm', '-f', ...ids]);
  return ids.length;
}

let cleaning = false;
async function cleanupAll() {
  if (cleaning || values.keep) return;
  cleaning = true;
  const removed = await removeOurs();
  console.error(`removed ${removed} ${PREFIX}* containers`);
}
process.on('SIGINT', () => cleanupAll().finally(() => process.exit(130)));

async function main() {
  await helpers.ensureDaemon();
  await helpers.ensureBusyboxImage(IMAGE);
  await removeOurs();
  const rows = [];
  let made = 0;
  for (const size of sizes) {
    const startedGrow = performance.now();
    await growTo(size, made);
    made = size;
    const counts = await countContainers();
    console.error(`${size} ${PREFIX}* containers ready in ${fmt(performance.now() - startedGrow)} (host: ${counts.all} containers, ${counts.running} running)`);
    const samples = await timeDocksec();
    const row = { size, host: counts, samples };
    if (dbsDir && size === sizes[sizes.length - 1]) {
      const times = [];
      for (let i = 0; i < dbsRuns; i++) {
        console.error(`docker-bench-security run ${i + 1}/${dbsRuns} at ${counts.running} running containers...`);
        times.push((await runDockerBench(dbsDir)).ms);
      }
      row.dockerBench = { median: median(times), times };
    }
    rows.push(row);
  }
  // Other processes on a shared machine make single phases noisy: measure the sizes once more in reverse
  // order (shrinking the container set) and pool the samples per size.
  for (const row of [...rows].reverse().slice(1)) {
    const ids = (await run('docker', ['ps', '-aq', '--filter', `name=^${PREFIX}`])).stdout.split('\n').filter(Boolean);
    const surplus = [];
    for (let n = row.size; n < made; n++) surplus.push(`${PREFIX}${n}`);
    if (surplus.length > 0 && ids.length > 0) await run('docker', ['rm', '-f', ...surplus]);
    made = row.size;
    row.samples.push(...(await timeDocksec()));
  }
  for (const row of rows) {
    row.docksec = summarize(row.samples);
    console.error(`  ${row.size}: docksec median ${fmt(row.docksec.median)} over ${row.samples.length} runs${row.docksec.cpuMedian !== undefined ? `, CPU ${fmt(row.docksec.cpuMedian)}` : ''}${row.dockerBench ? `; docker-bench ${fmt(row.dockerBench.median)}` : ''}`);
  }

  const [small, large] = [rows[0], rows[rows.length - 1]];
  const slope = (large.docksec.median - small.docksec.median) / (large.host.all - small.host.all);
  const lines = ['', '| containers (host total / running) | docksec bench (median) | docker-bench-security | ratio |', '|---|---|---|---|'];
  for (const row of rows) {
    const ratio = row.dockerBench ? `${(row.dockerBench.median / row.docksec.median).toFixed(0)}x` : '';
    lines.push(`| ${row.size} speed + others = ${row.host.all} / ${row.host.running} | ${fmt(row.docksec.median)} (${row.samples.length} runs) | ${row.dockerBench ? fmt(row.dockerBench.median) : 'not run'} | ${ratio} |`);
  }
  lines.push('');
  lines.push(`docksec: ${slope.toFixed(2)} ms per extra container (${small.host.all} -> ${large.host.all}); target <= ${TARGET_SLOPE_MS} ms: ${slope <= TARGET_SLOPE_MS ? 'PASS' : 'FAIL'}`);
  if (small.docksec.cpuMedian !== undefined && large.docksec.cpuMedian !== undefined) {
    const cpuSlope = (large.docksec.cpuMedian - small.docksec.cpuMedian) / (large.host.all - small.host.all);
    lines.push(`docksec CPU time (user+sys, insensitive to other load): ${fmt(small.docksec.cpuMedian)} -> ${fmt(large.docksec.cpuMedian)}, ${cpuSlope.toFixed(2)} ms per extra container`);
  }
  let ok = slope <= TARGET_SLOPE_MS;
  if (large.dockerBench) {
    const ratio = large.dockerBench.median / large.docksec.median;
    lines.push(`ratio at ${large.host.all} containers: ${ratio.toFixed(1)}x; target >= ${TARGET_RATIO}x: ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
    ok &&= ratio >= TARGET_RATIO;
  } else {
    lines.push('ratio: not measured (set DOCKER_BENCH_SECURITY to a docker-bench-security checkout)');
  }
  console.log(lines.join('\n'));
  return ok;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`bench-speed: ${error.message}`);
} finally {
  await cleanupAll();
}
process.exit(ok ? 0 : 1);
