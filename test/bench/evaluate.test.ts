import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchSelectionError, evaluate } from '../../src/bench/evaluate.js';
import { idFromBenchmark, idInBenchmark, compareIds } from '../../src/bench/ids.js';
import { CHECKS } from '../../src/bench/registry.js';
import { formatBenchReport } from '../../src/bench/report/index.js';
import { benchFindings } from '../../src/bench/report/findings.js';
import { exitStatusFor, parseBenchArgs, readSnapshotFile, runBench } from '../../src/cli/bench-command.js';
import type { BenchCheck } from '../../src/bench/check.js';
import { snapshotWith, baseSnapshot } from './snapshot-merge.js';

const privileged = { engine: { containers: { value: [{ Name: '/evil"name', HostConfig: { Privileged: true } }] } } };

describe('id map (spec §0.8)', () => {
  it('maps 1.6.0 <-> 1.5.0', () => {
    assert.equal(idInBenchmark('5.1', '1.5.0'), '7.1');
    assert.equal(idInBenchmark('5.5', '1.5.0'), '5.4');
    assert.equal(idInBenchmark('5.32', '1.5.0'), '5.31');
    assert.equal(idInBenchmark('7.1', '1.5.0'), '7.2');
    assert.equal(idInBenchmark('7.9', '1.5.0'), '7.10');
    assert.equal(idInBenchmark('2.7', '1.5.0'), '2.7');
    assert.equal(idInBenchmark('C.5.3.1', '1.5.0'), 'C.5.3.1');
    for (const id of ['5.1', '5.2', '5.32', '7.1', '7.9', '1.1.3', '4.6'])
      assert.equal(idFromBenchmark(idInBenchmark(id, '1.5.0'), '1.5.0'), id);
  });
  it('orders ids numerically, community last', () => {
    assert.deepEqual(['5.10', 'C.5.3.1', '5.2', '1.1.10', '1.1.2'].sort(compareIds), ['1.1.2', '1.1.10', '5.2', '5.10', 'C.5.3.1']);
  });
});

describe('evaluate', () => {
  it('selects by id, section, slug, check_ function name and group; excludes; level', () => {
    const ids = (include?: string[], extra: Record<string, unknown> = {}) =>
      evaluate(baseSnapshot(), { benchmark: '1.6.0', ...(include ? { include } : {}), ...extra }).results.map((r) => r.id);
    assert.deepEqual(ids(['5.5']), ['5.5']);
    assert.deepEqual(ids(['container-not-privileged', 'check_5_10']), ['5.5', '5.10']);
    assert.equal(ids(['5']).length, 32);
    assert.equal(ids(['container_runtime']).length, 32);
    assert.ok(!ids(['5']).includes('C.5.3.1'), 'community only on request');
    assert.deepEqual(ids(['community']), ['C.5.3.1', 'C.5.3.2', 'C.5.3.3', 'C.5.3.4']);
    assert.equal(ids(['5'], { community: true }).length, 36);
    assert.ok(!ids(['5'], { exclude: ['5.5', 'container-healthcheck'] }).some((id) => id === '5.5' || id === '5.27'));
    assert.ok(!ids(['5'], { level: 1 }).includes('5.3'), '5.3 is Level 2');
    assert.deepEqual(ids(['5.4'], { benchmark: '1.5.0' }), ['5.4']);
    assert.equal(evaluate(baseSnapshot(), { benchmark: '1.5.0', include: ['5.4'] }).results[0]!.slug, 'container-not-privileged');
    assert.throws(() => ids(['9.9']), BenchSelectionError);
  });

  it('turns a throwing check into UNKNOWN and keeps going', () => {
    const broken: BenchCheck = {
      meta: { ...CHECKS.find((c) => c.meta.cisId === '5.5')!.meta, cisId: '5.99', slug: 'broken' },
      evaluate: () => {
        throw new Error('boom');
      },
    };
    const report = evaluate(baseSnapshot(), { benchmark: '1.6.0', checks: [broken, ...CHECKS] });
    const r = report.results.find((x) => x.slug === 'broken')!;
    assert.equal(r.status, 'UNKNOWN');
    assert.match(r.reason ?? '', /boom/);
    assert.ok(report.results.length > 30);
  });

  it('applies explicit container filters and lists the excluded ones', () => {
    const report = evaluate(snapshotWith(privileged), { benchmark: '1.6.0', include: ['5.5'], excludeContainers: /evil/ });
    assert.equal(report.results[0]!.status, 'NOT_APPLICABLE');
    assert.deepEqual(report.excludedContainers, ['evil"name']);
  });

  it('scores like docker-bench plus percent and coverage', () => {
    const report = evaluate(snapshotWith(privileged), { benchmark: '1.6.0', include: ['5.5', '5.13', '5.9', '5.3'] });
    // 5.5 FAIL (scored), 5.13 PASS (scored), 5.9 MANUAL (not scored), 5.3 NA (scored).
    assert.equal(report.score.score, 0);
    assert.equal(report.score.percent, 50);
    assert.equal(report.score.coverage, 1);
    assert.equal(report.score.checks, 3);
    assert.deepEqual(report.score.sections['5'], { PASS: 1, FAIL: 1, INFO: 0, MANUAL: 1, NOT_APPLICABLE: 1, UNKNOWN: 0 });
    assert.equal(report.score.failingItems, 1);
    assert.equal(exitStatusFor(report, 'FAIL'), 1);
    assert.equal(exitStatusFor(report, 'none'), 0);
    const clean = evaluate(baseSnapshot(), { benchmark: '1.6.0', include: ['5.13', '5.9'] });
    assert.equal(exitStatusFor(clean, 'FAIL'), 0);
    assert.equal(exitStatusFor(clean, 'MANUAL'), 0, '5.9 is not scored');
  });
});

describe('formats', () => {
  const report = evaluate(snapshotWith(privileged), { benchmark: '1.6.0', include: ['5.5', '5.13', '5.9'], community: true });
  it('docker-bench JSON: shape, WARN for FAIL, escaped names', () => {
    const text = formatBenchReport(report, 'docker-bench-json', { color: false });
    const doc = JSON.parse(text) as { dockerbenchsecurity: string; tests: Array<{ id: string; results: Array<Record<string, unknown>> }>; checks: number; score: number };
    assert.equal(doc.dockerbenchsecurity, '1.6.0');
    const five = doc.tests.find((t) => t.id === '5')!;
    const r55 = five.results.find((r) => r['id'] === '5.5')!;
    assert.equal(r55['result'], 'WARN');
    assert.deepEqual(r55['items'], ['evil"name']);
    assert.equal(five.results.find((r) => r['id'] === '5.9')!['result'], 'NOTE');
    assert.equal(doc.checks, report.results.length);
    assert.equal(doc.score, report.score.score);
  });
  it('json: versioned schema with items', () => {
    const doc = JSON.parse(formatBenchReport(report, 'json', { color: false })) as { schemaVersion: number; results: Array<{ id: string; items: Array<{ object: string; status: string }> }> };
    assert.equal(doc.schemaVersion, 1);
    assert.deepEqual(doc.results.find((r) => r.id === '5.5')!.items, [
      { object: 'evil"name', status: 'FAIL', reason: 'privileged container (running)', detail: 'Privileged=true', evidence: ['/engine/containers/a1b2c3d4a1b2#HostConfig.Privileged'] },
    ]);
  });
  it('tty: sections, statuses, container lines, summary; colour only on request', () => {
    const plain = formatBenchReport(report, 'tty', { color: false });
    assert.match(plain, /\[5\] Container Runtime/);
    assert.match(plain, /\[FAIL\] 5\.5 - Ensure that privileged containers are not used/);
    assert.match(plain, /\* FAIL evil"name: privileged container \(running\)/);
    assert.match(plain, /Score: 0 /);
    assert.doesNotMatch(plain, /\x1b\[/);
    assert.match(formatBenchReport(report, 'tty', { color: true }), /\x1b\[31m\[FAIL\]/);
  });
  it('findings for SARIF/JUnit: one per failing item, rule id cis-<id>', () => {
    const findings = benchFindings(report);
    assert.deepEqual(findings.map((f) => [f.ruleId, f.object, f.severity]), [
      ['cis-5.5', 'evil"name', 'error'],
      ['cis-C.5.3.1', 'evil"name', 'error'],
      ['cis-C.5.3.2', 'evil"name', 'error'],
      ['cis-C.5.3.3', 'evil"name', 'error'],
      ['cis-C.5.3.4', 'evil"name', 'error'],
    ]);
    const sarif = JSON.parse(formatBenchReport(report, 'sarif', { color: false })) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    assert.equal(sarif.runs[0]!.results[0]!.ruleId, 'cis-5.5');
    assert.match(formatBenchReport(report, 'junit', { color: false, timestamp: new Date(0) }), /cis-5\.5/);
  });
});

describe('bench command', () => {
  it('rejects bad arguments with clear messages', () => {
    assert.throws(() => parseBenchArgs(['--level', '3']), /--level: expected 1 or 2/);
    assert.throws(() => parseBenchArgs(['--benchmark', '1.8.0']), /--benchmark/);
    assert.throws(() => parseBenchArgs(['-f', 'xml']), /--format/);
    assert.throws(() => parseBenchArgs(['--fail-on', 'warn']), /--fail-on/);
    assert.throws(() => parseBenchArgs(['--include-containers', '(']), /invalid regular expression/);
    assert.throws(() => parseBenchArgs(['--from-snapshot', 'x', '--host', 'tcp://h:1']), /cannot be combined/);
    assert.throws(() => parseBenchArgs(['--bogus']), /bogus/);
    assert.deepEqual(parseBenchArgs(['-c', '5.5,5.6', '-c', 'cis']).include, ['5.5', '5.6', 'cis']);
  });
  it('reports a broken snapshot with file:line:column and exit status 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docksec-bench-cli-'));
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{\n  "schemaVersion": 1,\n  oops\n}');
      assert.throws(() => readSnapshotFile(bad), /bad\.json:3:3: invalid JSON/);
      writeFileSync(bad, '{"schemaVersion": 99}');
      assert.throws(() => readSnapshotFile(bad), /unsupported snapshot schemaVersion 99/);
      const stderr = process.stderr.write;
      let written = '';
      process.stderr.write = ((chunk: string) => ((written += chunk), true)) as typeof process.stderr.write;
      try {
        assert.equal(await runBench(['--from-snapshot', bad]), 2);
        assert.equal(await runBench(['--from-snapshot', join(dir, 'missing.json')]), 2);
        assert.equal(await runBench(['--level', '7']), 2);
      } finally {
        process.stderr.write = stderr;
      }
      assert.match(written, /docksec bench: .*bad\.json:1:1: unsupported snapshot/);
      assert.match(written, /missing\.json: cannot read snapshot: ENOENT/);
      assert.doesNotMatch(written, /\n\s+at /, 'no stack traces');
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify(snapshotWith(privileged)));
      const out = join(dir, 'out.json');
      assert.equal(await runBench(['--from-snapshot', good, '-c', '5.5', '-f', 'docker-bench-json', '-o', out]), 1);
      assert.match(readFileSync(out, 'utf8'), /"result": "WARN"/);
      assert.equal(await runBench(['--from-snapshot', good, '-c', '5.13', '--fail-on', 'UNKNOWN', '-o', out]), 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('containers the auditor could not see', () => {
  it('a container whose inspect failed is UNKNOWN in per-container checks, even when no other container exists', () => {
    const snapshot = snapshotWith({
      engine: { containers: { value: [] }, inspectErrors: { abcdef0123456789: 'GET /containers/abcdef0123456789/json: HTTP 500: boom' }, inspectErrorNames: { abcdef0123456789: 'hidden' } },
    });
    const report = evaluate(snapshot, { benchmark: '1.6.0', include: ['5.5', '5.10', '5.1'] });
    const byId = new Map(report.results.map((r) => [r.id, r]));
    for (const id of ['5.5', '5.10']) {
      assert.equal(byId.get(id)?.status, 'UNKNOWN', id);
      assert.deepEqual(byId.get(id)?.items.map((i) => [i.object, i.status]), [['hidden', 'UNKNOWN']]);
    }
    // 5.1 is about swarm, not containers: untouched.
    assert.notEqual(byId.get('5.1')?.items.some((i) => i.object === 'hidden'), true);
    // Name filters apply to such containers too.
    const filtered = evaluate(snapshot, { benchmark: '1.6.0', include: ['5.5'], excludeContainers: /^hidden$/ });
    assert.equal(filtered.results[0]?.status, 'NOT_APPLICABLE');
  });

  it('containers removed between list and inspect are named in the report', () => {
    const snapshot = snapshotWith({ engine: { vanished: ['0123456789abcdef'] } });
    const report = evaluate(snapshot, { benchmark: '1.6.0', include: ['5.5'] });
    assert.deepEqual(report.vanishedContainers, ['0123456789abcdef']);
    assert.match(formatBenchReport(report, 'tty', { color: false } as never), /Removed during the audit \(not audited\): 0123456789ab/);
    assert.deepEqual(JSON.parse(formatBenchReport(report, 'json', {} as never)).vanishedContainers, ['0123456789abcdef']);
  });
});
