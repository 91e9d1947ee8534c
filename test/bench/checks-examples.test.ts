/**
 * Runs every registered check's `checkExamples` over the base snapshot fixture and asserts the status,
 * plus metadata completeness and the base fixture's own verdicts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS } from '../../src/bench/registry.js';
import { buildEvalContext } from '../../src/bench/evaluate.js';
import { baseSnapshot, deepMerge, snapshotWith } from './snapshot-merge.js';

describe('snapshot example merge', () => {
  it('merges arrays element-wise, clears with an empty array, replaces with null', () => {
    assert.deepEqual(deepMerge({ a: [{ x: 1, y: 2 }, { x: 3 }] }, { a: [{ y: 9 }] }), { a: [{ x: 1, y: 9 }, { x: 3 }] });
    assert.deepEqual(deepMerge({ a: [1, 2] }, { a: [] }), { a: [] });
    assert.deepEqual(deepMerge({ a: ['x', 'y', 'z'] }, { a: ['q'] }), { a: ['q'] });
    assert.deepEqual(deepMerge({ a: { b: 1 } }, { a: null }), { a: null });
    assert.deepEqual(deepMerge({ a: 1 }, { b: { c: 2 } }), { a: 1, b: { c: 2 } });
  });
});

/**
 * Checks the audit spec allows no PASS for (§5: 5.23/5.24 are FAIL or MANUAL, 5.28 is always MANUAL):
 * their examples must still show two different statuses.
 */
const CANNOT_PASS = new Set([
  'exec-no-privileged', 'exec-no-root-user', 'container-image-latest-version',
  // Sections 1, 4, 6, 7: review-only (MANUAL) or inventory (INFO) checks, §1.2, §4, §6, §7.
  'host-hardened', 'docker-version-current', 'image-trusted-base', 'image-minimal-packages', 'image-scanned-rebuilt',
  'content-trust-enabled', 'image-no-setuid-setgid', 'image-no-secrets', 'image-verified-packages', 'image-signed-artifacts',
  'ops-image-sprawl', 'ops-container-sprawl', 'swarm-manager-count', 'swarm-secrets-used', 'swarm-autolock-key-rotation',
  'swarm-node-cert-rotation', 'swarm-ca-rotation',
]);

describe('every registered check', () => {
  const seen = new Set<string>();
  for (const check of CHECKS) {
    const meta = check.meta;
    describe(`${meta.cisId} ${meta.slug}`, () => {
      it('has complete metadata', () => {
        assert.ok(!seen.has(meta.slug), `duplicate slug ${meta.slug}`);
        seen.add(meta.slug);
        assert.equal(meta.id, `cis-${meta.cisId}`);
        for (const field of ['title', 'rationale', 'remediation', 'docsAnchor', 'section'] as const)
          assert.ok(meta[field].length > 0, `${field} is empty`);
        assert.ok([1, 2].includes(meta.level));
        assert.ok(['Y', 'N', 'Y*', 'C'].includes(meta.scoring));
        if (CANNOT_PASS.has(meta.slug)) assert.ok(new Set(meta.checkExamples.map((e) => e.expect)).size >= 2, 'needs two different statuses');
        else assert.ok(meta.checkExamples.some((e) => e.expect === 'PASS'), 'needs a PASS example');
        assert.ok(meta.checkExamples.some((e) => e.expect !== 'PASS'), 'needs a non-PASS example');
      });
      for (const example of meta.checkExamples) {
        it(`example "${example.note ?? '(unnamed)'}" gives ${example.expect}`, () => {
          const outcome = check.evaluate(buildEvalContext(snapshotWith(example.snapshot)));
          assert.equal(outcome.status, example.expect, `reason: ${outcome.reason ?? '-'}; items: ${JSON.stringify(outcome.items)}`);
          if (outcome.status === 'UNKNOWN' || outcome.status === 'NOT_APPLICABLE') assert.ok(outcome.reason, 'UNKNOWN/NOT_APPLICABLE need a reason');
          for (const item of outcome.items ?? []) {
            if (item.status === 'FAIL' || item.status === 'UNKNOWN') assert.ok(item.reason, `${item.status} item needs a reason`);
          }
        });
      }
    });
  }
});

describe('base snapshot (hardened container "web")', () => {
  const context = buildEvalContext(baseSnapshot());
  const expected: Record<string, string> = { '5.9': 'MANUAL', '5.23': 'MANUAL', '5.24': 'MANUAL', '5.28': 'MANUAL', '5.3': 'NOT_APPLICABLE' };
  for (const check of CHECKS.filter((c) => c.meta.section === '5' || c.meta.section === 'C')) {
    it(`${check.meta.cisId} is ${expected[check.meta.cisId] ?? 'PASS'}`, () => {
      const outcome = check.evaluate(context);
      assert.equal(outcome.status, expected[check.meta.cisId] ?? 'PASS', outcome.reason);
    });
  }
  it('section 5 checks other than 5.1 are NOT_APPLICABLE with no containers', () => {
    const empty = buildEvalContext(snapshotWith({ engine: { containers: { value: [] } } }));
    for (const check of CHECKS.filter((c) => c.meta.section === '5' && c.meta.cisId !== '5.1')) {
      const outcome = check.evaluate(empty);
      assert.equal(outcome.status, 'NOT_APPLICABLE', check.meta.cisId);
      assert.equal(outcome.reason, 'no containers');
    }
  });
  it('section 5 checks are UNKNOWN when containers could not be listed', () => {
    const broken = buildEvalContext(snapshotWith({ engine: { containers: { ok: false, reason: 'permission denied' } } }));
    for (const check of CHECKS.filter((c) => c.meta.section === '5' && c.meta.cisId !== '5.1')) {
      const outcome = check.evaluate(broken);
      assert.equal(outcome.status, 'UNKNOWN', check.meta.cisId);
      assert.match(outcome.reason ?? '', /permission denied/);
    }
  });
});
