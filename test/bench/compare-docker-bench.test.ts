/**
 * The comparison logic of bench/compare-docker-bench.mjs on synthetic reports: id mapping between
 * docker-bench numberings, status equivalence, per-container differences, and docker-bench's
 * unescaped JSON.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

interface Row {
  id: string;
  dbsId?: string;
  dockerBench: string;
  docksec: string;
  statusAgrees: boolean;
  agrees: boolean;
  onlyDockerBench: string[];
  onlyDocksec: string[];
}
interface CompareModule {
  compare(dbs: unknown, docksec: unknown, options?: { prefix?: string }): { numbering: string; rows: Row[] };
  parseDockerBenchJson(text: string): { tests: Array<{ results: Array<{ details?: string }> }> };
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const load = async (): Promise<CompareModule> => (await import(pathToFileURL(join(repoRoot, 'bench', 'compare-docker-bench.mjs')).href)) as CompareModule;

const item = (object: string, status: string) => ({ object, status });
const docksec = (results: Array<{ id: string; status: string; items?: Array<{ object: string; status: string }> }>) => ({
  results: results.map((r) => ({ cisId: r.id, reason: null, items: [], ...r })),
});

test('maps docker-bench 1.5.0 numbering (swarm 7.1) to CIS 1.6.0 ids', async () => {
  const { compare } = await load();
  const dbs = {
    tests: [
      { id: '5', results: [{ id: '5.1', desc: 'Ensure that, if applicable, an AppArmor Profile is enabled', result: 'PASS' }, { id: '5.4', desc: 'privileged', result: 'WARN', items: ['ref-a'] }] },
      { id: '7', results: [{ id: '7.1', desc: 'Ensure swarm mode is not Enabled, if not needed', result: 'PASS' }] },
    ],
  };
  const { numbering, rows } = compare(dbs, docksec([
    { id: '5.1', status: 'PASS' },
    { id: '5.2', status: 'NOT_APPLICABLE' },
    { id: '5.5', status: 'FAIL', items: [item('ref-a', 'FAIL')] },
  ]), { prefix: 'ref-' });
  assert.equal(numbering, '1.5.0');
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.equal(byId.get('5.1')?.dbsId, '7.1');
  assert.equal(byId.get('5.2')?.dbsId, '5.1');
  assert.equal(byId.get('5.5')?.dbsId, '5.4');
  assert.deepEqual(rows.map((r) => [r.id, r.agrees]), [['5.1', true], ['5.2', true], ['5.5', true]]);
});

test('status equivalence: WARN~FAIL, PASS~NOT_APPLICABLE, NOTE~MANUAL; UNKNOWN never agrees with PASS', async () => {
  const { compare } = await load();
  const dbs = { tests: [{ id: '4', results: [
    { id: '4.2', desc: '', result: 'NOTE' },
    { id: '4.5', desc: '', result: 'WARN' },
    { id: '4.7', desc: '', result: 'PASS' },
    { id: '4.9', desc: '', result: 'PASS' },
  ] }] };
  const { rows } = compare(dbs, docksec([
    { id: '4.2', status: 'MANUAL' },
    { id: '4.5', status: 'MANUAL' },
    { id: '4.7', status: 'UNKNOWN' },
    { id: '4.9', status: 'NOT_APPLICABLE' },
  ]));
  assert.deepEqual(rows.map((r) => [r.id, r.statusAgrees]), [['4.2', true], ['4.5', false], ['4.7', false], ['4.9', true]]);
});

test('per-container differences keep only prefixed objects and strip docker-bench item suffixes', async () => {
  const { compare } = await load();
  const dbs = { tests: [{ id: '5', results: [
    { id: '5.1', desc: 'Ensure swarm mode is not Enabled', result: 'PASS' },
    { id: '5.6', desc: '', result: 'WARN', items: ['ref-rw:/etc', 'other:/etc'] },
    { id: '5.30', desc: '', result: 'INFO', items: ['0123abcd:ref-web'] },
  ] }] };
  const { rows } = compare(dbs, docksec([
    { id: '5.1', status: 'PASS' },
    { id: '5.6', status: 'FAIL', items: [item('ref-rw', 'FAIL'), item('ref-ro', 'FAIL'), item('ref-ok', 'PASS'), item('other', 'FAIL')] },
    { id: '5.30', status: 'FAIL', items: [item('ref-web', 'FAIL'), item('ref-stopped', 'FAIL')] },
  ]), { prefix: 'ref-' });
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.deepEqual(byId.get('5.6')?.onlyDocksec, ['ref-ro']);
  assert.deepEqual(byId.get('5.6')?.onlyDockerBench, []);
  assert.equal(byId.get('5.6')?.statusAgrees, true);
  assert.equal(byId.get('5.6')?.agrees, false);
  assert.equal(byId.get('5.30')?.statusAgrees, false);
  assert.deepEqual(byId.get('5.30')?.onlyDocksec, ['ref-stopped']);
});

test('parseDockerBenchJson repairs the unescaped quotes docker-bench writes into details', async () => {
  const { parseDockerBenchJson } = await load();
  const text = '{\n  "tests": [\n    {\n      "id": "1",\n      "results": [\n        {\n          "id": "1.1.2",\n          "desc": "x",\n          "result": "INFO",\n          "details": "Users: "alice""\n        }\n      ]\n    }\n  ]\n}';
  assert.equal(parseDockerBenchJson(text).tests[0]?.results[0]?.details, 'Users: "alice"');
});
