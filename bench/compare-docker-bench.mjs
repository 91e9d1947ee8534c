#!/usr/bin/env node
/**
 * Runs docker-bench-security and `docksec bench -f json` on the same host state and prints every
 * disagreement, per check and per container.
 *
 *   DOCKER_BENCH_SECURITY=/path/to/docker-bench-security node bench/compare-docker-bench.mjs [options]
 *
 * Options:
 *   --dbs-json FILE      reuse a docker-bench log JSON (its `-l FILE` writes FILE.json) instead of running it
 *   --docksec-json FILE  reuse a `docksec bench -f json` report instead of running it
 *   --prefix P           compare per-container results only for containers named P* (default docksec-ref-)
 *   --all                list agreeing checks too
 *   --json FILE          also write the comparison as JSON
 *
 * Status equivalence (docker-bench → docksec): PASS ↔ PASS or NOT_APPLICABLE; WARN ↔ FAIL;
 * INFO/NOTE ↔ INFO, MANUAL or NOT_APPLICABLE. Anything else is a disagreement, and so is any container
 * that one tool flags and the other does not. docksec UNKNOWN never agrees with a docker-bench PASS.
 * docker-bench's ids are mapped to CIS 1.6.0: its releases before v1.6.1 use 1.5.0 numbering (swarm is
 * 7.1), detected from the title of its 5.1.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { idFromBenchmark, compareIds } = await import(join(repo, 'dist/src/bench/ids.js'));

/** Runs a command; resolves with stdout/stderr and the monotonic duration, never rejects. */
export function run(cmd, args, options = {}) {
  return new Promise((resolvePromise) => {
    const started = performance.now();
    execFile(cmd, args, { maxBuffer: 256 * 1024 * 1024, timeout: options.timeoutMs ?? 3_600_000, cwd: options.cwd, env: options.env ?? process.env }, (error, stdout, stderr) => {
      resolvePromise({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr), ms: performance.now() - started });
    });
  });
}

/** Runs docker-bench-security from its own directory (it sources ./functions and ./tests). */
export async function runDockerBench(dir, extraArgs = []) {
  const work = mkdtempSync(join(tmpdir(), 'docksec-dbs-'));
  try {
    const log = join(work, 'dbs.log');
    const result = await run('bash', ['docker-bench-security.sh', '-b', '-l', log, ...extraArgs], { cwd: dir });
    if (result.code !== 0) throw new Error(`docker-bench-security exited ${result.code}: ${result.stderr.trim() || result.stdout.slice(-500)}`);
    return { report: parseDockerBenchJson(readFileSync(`${log}.json`, 'utf8')), ms: result.ms };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** docker-bench builds its JSON with printf and never escapes: repair bare quotes inside strings if needed. */
export function parseDockerBenchJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    const repaired = text.replace(/("(?:details|desc|remediation|remediation-impact)": ")(.*)("(?:,?)\s*$)/gm, (_, a, body, z) => a + body.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + z);
    return JSON.parse(repaired);
  }
}

export async function runDocksec(extraArgs = []) {
  const result = await run(process.execPath, [join(repo, 'dist/src/cli/main.js'), 'bench', '-f', 'json', '--fail-on', 'none', ...extraArgs]);
  if (result.code !== 0) throw new Error(`docksec bench exited ${result.code}: ${result.stderr.trim()}`);
  return { report: JSON.parse(result.stdout), ms: result.ms };
}

/** Flattens docker-bench results (with or without section wrappers) and maps ids to CIS 1.6.0. */
export function dockerBenchResults(report) {
  const flat = [];
  for (const test of report.tests ?? []) {
    if (Array.isArray(test.results)) flat.push(...test.results);
    else if (test.result !== undefined) flat.push(test);
  }
  const five1 = flat.find((r) => r.id === '5.1');
  const numbering = five1 && !/swarm/i.test(five1.desc ?? '') ? '1.5.0' : '1.6.0';
  const byId = new Map();
  for (const r of flat) byId.set(idFromBenchmark(r.id, numbering), { ...r, dbsId: r.id });
  return { byId, numbering };
}

/** Container (or image) names a docker-bench result names in its items. */
function dbsObjects(result, checkId) {
  const names = new Set();
  for (const raw of result.items ?? []) {
    let item = String(raw);
    if (item === '(truncated)') continue;
    if (checkId === '5.30') item = item.slice(item.indexOf(':') + 1); // id:name
    else if (item.startsWith('[') && item.endsWith(']')) item = item.slice(1, -1); // [repo:tag]
    else if (/^(5\.6|5\.8|5\.9|5\.14)$/.test(checkId)) item = item.replace(/:[^:]*$/, ''); // name:path, name:port, name:ip
    for (const part of item.split(' ')) if (part) names.add(part);
  }
  return names;
}

const AGREE = {
  PASS: new Set(['PASS', 'NOT_APPLICABLE']),
  WARN: new Set(['FAIL']),
  INFO: new Set(['INFO', 'MANUAL', 'NOT_APPLICABLE']),
  NOTE: new Set(['INFO', 'MANUAL', 'NOT_APPLICABLE']),
};

/** Which docksec items count as "flagged" for a docker-bench result of this kind. */
function docksecFlagged(result, dbsResult) {
  const flagged = new Set();
  const informational = dbsResult === 'INFO' || dbsResult === 'NOTE';
  for (const item of result.items ?? []) {
    if (item.status === 'FAIL' || item.status === 'UNKNOWN' || (informational && (item.status === 'INFO' || item.status === 'MANUAL'))) flagged.add(item.object);
  }
  return flagged;
}

/** Objects in scope: containers named PREFIX*, images named PREFIX-without-dash/* (docksec-ref/busybox). */
const keep = (prefix) => (name) => name.startsWith(prefix) || name.startsWith(prefix.replace(/-$/, '/'));

export function compare(dbsReport, docksecReport, { prefix = 'docksec-ref-' } = {}) {
  const { byId, numbering } = dockerBenchResults(dbsReport);
  const docksec = new Map(docksecReport.results.map((r) => [r.cisId ?? r.id, r]));
  const ids = [...new Set([...byId.keys(), ...docksec.keys()])].filter((id) => !id.startsWith('C.')).sort(compareIds);
  const rows = [];
  for (const id of ids) {
    const d = byId.get(id);
    const s = docksec.get(id);
    const row = { id, dbsId: d?.dbsId, dockerBench: d?.result ?? 'absent', docksec: s?.status ?? 'absent', docksecReason: s?.reason ?? '', dbsDetails: d?.details ?? '' };
    row.statusAgrees = d !== undefined && s !== undefined && AGREE[d.result]?.has(s.status) === true;
    if (d === undefined && s !== undefined && (s.status === 'NOT_APPLICABLE' || s.status === 'MANUAL')) row.statusAgrees = true; // docker-bench omits section 5 without running containers
    const only = { dockerBench: [], docksec: [] };
    // docker-bench NOTE/INFO results without items name no objects: only the status is comparable.
    const dbsNamesObjects = d !== undefined && (Array.isArray(d.items) || d.result === 'WARN' || d.result === 'PASS');
    if (s !== undefined && d !== undefined && dbsNamesObjects && /^[45]\./.test(id) && (s.items ?? []).length > 0) {
      const mine = new Set([...docksecFlagged(s, d.result)].filter(keep(prefix)));
      const theirs = new Set([...dbsObjects(d, id)].filter(keep(prefix)));
      only.dockerBench = [...theirs].filter((n) => !mine.has(n)).sort();
      only.docksec = [...mine].filter((n) => !theirs.has(n)).sort();
    }
    row.onlyDockerBench = only.dockerBench;
    row.onlyDocksec = only.docksec;
    row.agrees = row.statusAgrees && only.dockerBench.length === 0 && only.docksec.length === 0;
    rows.push(row);
  }
  return { numbering, rows };
}

const short = (names, prefix) => names.map((n) => n.replace(prefix, '')).join(', ');

export function formatTable({ numbering, rows }, { prefix = 'docksec-ref-', all = false } = {}) {
  const lines = [`docker-bench numbering: ${numbering} (mapped to CIS 1.6.0)`, '', '| id | docker-bench | docksec | flagged only by docker-bench | flagged only by docksec |', '|---|---|---|---|---|'];
  for (const row of rows) {
    if (row.agrees && !all) continue;
    const mark = row.agrees ? '' : row.statusAgrees ? ' (containers)' : ' **differs**';
    lines.push(`| ${row.id}${row.dbsId && row.dbsId !== row.id ? ` (dbs ${row.dbsId})` : ''} | ${row.dockerBench} | ${row.docksec}${mark} | ${short(row.onlyDockerBench, prefix)} | ${short(row.onlyDocksec, prefix)} |`);
  }
  const disagreements = rows.filter((r) => !r.agrees).length;
  lines.push('', `${rows.length} checks compared, ${rows.length - disagreements} agree, ${disagreements} differ`);
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      'dbs-json': { type: 'string' },
      'docksec-json': { type: 'string' },
      prefix: { type: 'string', default: 'docksec-ref-' },
      all: { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  let dbs;
  if (values['dbs-json']) dbs = parseDockerBenchJson(readFileSync(values['dbs-json'], 'utf8'));
  else {
    const dir = process.env.DOCKER_BENCH_SECURITY;
    if (!dir) {
      console.error('compare-docker-bench: set DOCKER_BENCH_SECURITY to a docker-bench-security checkout (or give --dbs-json)');
      process.exit(2);
    }
    const [dbsRun, docksecRun] = [await runDockerBench(dir), values['docksec-json'] ? undefined : await runDocksec()];
    dbs = dbsRun.report;
    console.error(`docker-bench-security: ${(dbsRun.ms / 1000).toFixed(1)} s; docksec: ${docksecRun ? (docksecRun.ms / 1000).toFixed(2) + ' s' : 'from file'}`);
    if (docksecRun) values.docksecReport = docksecRun.report;
  }
  const docksecReport = values.docksecReport ?? (values['docksec-json'] ? JSON.parse(readFileSync(values['docksec-json'], 'utf8')) : (await runDocksec()).report);
  const result = compare(dbs, docksecReport, { prefix: values.prefix });
  console.log(formatTable(result, { prefix: values.prefix, all: values.all }));
  if (values.json) writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`compare-docker-bench: ${error.message}`);
    process.exit(1);
  });
}
