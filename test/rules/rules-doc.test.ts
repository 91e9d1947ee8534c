/** docs/rules.md must match what scripts/gen-rules-doc.mjs generates from the current rule metadata. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allRules } from '../../src/rules/dockerfile/index.js';
import type { DockerfileRule } from '../../src/rules/dockerfile/types.js';

interface DocGenerator {
  renderRulesDoc(rules: readonly DockerfileRule[]): string;
  DOC_PATH: string;
}

// The generator is plain JS outside the TypeScript project; load it by path from dist/test/rules.
const generatorUrl = new URL('../../../scripts/gen-rules-doc.mjs', import.meta.url).href;

async function generator(): Promise<DocGenerator> {
  return (await import(generatorUrl)) as DocGenerator;
}

test('docs/rules.md is up to date (run `npm run build && node scripts/gen-rules-doc.mjs`)', async () => {
  const { renderRulesDoc, DOC_PATH } = await generator();
  let current = '';
  try {
    current = readFileSync(DOC_PATH, 'utf8');
  } catch {
    assert.fail('docs/rules.md is missing');
  }
  assert.equal(current, renderRulesDoc(allRules), 'docs/rules.md is stale');
});

test('the rules doc has a table row and an anchored section for every rule', async () => {
  const { renderRulesDoc } = await generator();
  const doc = renderRulesDoc(allRules);
  for (const { meta } of allRules) {
    const severity = meta.profile ? `${meta.severity} (opt-in: ${meta.profile})` : meta.severity;
    assert.ok(doc.includes(`| [${meta.id}](#${meta.docsAnchor}) | ${severity} |`), `${meta.id} row`);
    assert.ok(doc.includes(`<a id="${meta.docsAnchor}"></a>\n\n## ${meta.id}: `), `${meta.id} section`);
  }
});

test('rendering escapes table pipes and fences code that contains backticks', async () => {
  const { renderRulesDoc } = await generator();
  const rule: DockerfileRule = {
    meta: {
      id: 'DSC9999',
      severity: 'style',
      title: 'A | B',
      rationale: 'r',
      remediation: 'f',
      docsAnchor: 'dsc9999',
      examples: { bad: [{ code: 'RUN echo ```x```', note: 'n', config: { strictLabels: true } }], good: [] },
    },
    check() {},
  };
  const doc = renderRulesDoc([rule]);
  assert.ok(doc.includes('| [DSC9999](#dsc9999) | style | A \\| B |'));
  assert.ok(doc.includes('````dockerfile\nRUN echo ```x```\n````'));
  assert.ok(doc.includes('With configuration: `{"strictLabels":true}`'));
  assert.ok(doc.endsWith('\n') && !doc.endsWith('\n\n'));
});
