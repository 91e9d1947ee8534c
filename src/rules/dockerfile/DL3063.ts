import type { DockerfileRule } from './types.js';

const RESERVED = ['scratch', 'context'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3063',
    severity: 'warning',
    title: 'Do not name a stage scratch or context',
    rationale:
      'BuildKit gives `scratch` (the empty image) and `context` (the build context) special meaning. A stage with one of these names is confusing at best and shadowed at worst.',
    remediation: 'Rename the stage, e.g. `AS build`.',
    docsAnchor: 'dl3063',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12 AS scratch\nRUN make\n' }],
      good: [{ code: 'FROM debian:12 AS build\nRUN make\n' }],
    },
  },
  check(model, ctx) {
    // Indexed: every file runs this, mostly in V8's interpreter, where for-of costs an iterator object.
    for (let stageIndex = 0; stageIndex < model.stages.length; stageIndex++) {
      const stage = model.stages[stageIndex]!;
      const alias = stage.from.alias;
      if (alias === undefined || !RESERVED.includes(alias)) continue;
      ctx.report(stage.from, `stage name '${alias}' is reserved by BuildKit`, stage.from.aliasSpan);
    }
  },
};
