import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LintConfig } from '../../src/lint/config.js';
import { lintDockerfile } from '../../src/lint/linter.js';
import { allRules } from '../../src/rules/dockerfile/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('the rule index is up to date with the rule modules', () => {
  const run = spawnSync(process.execPath, ['scripts/gen-rule-index.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});

test('rule ids are unique and sorted', () => {
  const ids = allRules.map((r) => r.meta.id);
  assert.deepEqual(ids, [...new Set(ids)].sort());
});

for (const rule of allRules) {
  const meta = rule.meta;
  test(`${meta.id}: metadata and examples`, async () => {
    for (const key of ['id', 'severity', 'title', 'rationale', 'remediation', 'docsAnchor'] as const) {
      assert.equal(typeof meta[key], 'string', `${meta.id}.${key}`);
      assert.ok((meta[key] as string).length > 0, `${meta.id}.${key} is empty`);
    }
    assert.match(meta.id, /^(DL|DSC)\d{4}$/);
    assert.ok(['error', 'warning', 'info', 'style', 'ignore'].includes(meta.severity));
    assert.ok(meta.examples.bad.length >= 1, `${meta.id} needs a bad example`);
    assert.ok(meta.examples.good.length >= 1, `${meta.id} needs a good example`);
    for (const [kind, examples] of [['bad', meta.examples.bad], ['good', meta.examples.good]] as const) {
      for (const example of examples) {
        const config = { ...(example.config as Partial<LintConfig> | undefined), shellcheck: false };
        // A rule that is off by default is switched on so that its examples say something.
        if (meta.severity === 'ignore') {
          const override = { ...config.override };
          const listed = Object.values(override).some((codes) => codes?.includes(meta.id));
          if (!listed) override.info = [...(override.info ?? []), meta.id];
          config.override = override;
        }
        // Opt-in rules run with their profile selected.
        if (meta.profile) config.profiles = [meta.profile];
        const { findings } = await lintDockerfile(example.code, { config });
        const own = findings.filter((f) => f.ruleId === meta.id);
        const internal = own.filter((f) => f.message.startsWith('internal error'));
        assert.deepEqual(internal, [], `${meta.id} crashed on a ${kind} example`);
        if (kind === 'bad') assert.ok(own.length >= 1, `${meta.id} bad example gave no finding:\n${example.code}`);
        else assert.deepEqual(own, [], `${meta.id} good example gave findings:\n${example.code}`);
      }
    }
  });
}

test('opt-in (profile) rules stay off by default, so docksec lint reports what Hadolint reports', async () => {
  const text = 'FROM debian:12\nRUN apt-get update\nADD app.py /app/\n';
  const optIn = allRules.filter((r) => r.meta.profile === 'cis').map((r) => r.meta.id).sort();
  assert.deepEqual(optIn, ['DSC4001', 'DSC4006', 'DSC4007', 'DSC4009', 'DSC4010']);
  const plain = await lintDockerfile(text, { config: { shellcheck: false } });
  assert.deepEqual(plain.findings.filter((f) => f.ruleId.startsWith('DSC4')), []);
  const cis = await lintDockerfile(text, { config: { shellcheck: false, profiles: ['cis'] } });
  assert.deepEqual(
    [...new Set(cis.findings.filter((f) => f.ruleId.startsWith('DSC4')).map((f) => f.ruleId))].sort(),
    ['DSC4001', 'DSC4006', 'DSC4007', 'DSC4009'],
  );
  // An explicit severity override enables one opt-in rule without its profile.
  const one = await lintDockerfile(text, { config: { shellcheck: false, override: { error: ['DSC4001'] } } });
  assert.deepEqual(one.findings.filter((f) => f.ruleId.startsWith('DSC4')).map((f) => [f.ruleId, f.severity]), [['DSC4001', 'error']]);
});
