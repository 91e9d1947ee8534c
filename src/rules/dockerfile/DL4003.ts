import type { DockerfileRule, Stage } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL4003',
    severity: 'warning',
    title: 'Use only one CMD per stage',
    rationale: 'Only the last CMD of a stage takes effect. Earlier ones are silently overridden, which usually hides a mistake.',
    remediation: 'Keep a single CMD in each stage and delete the others.',
    docsAnchor: 'dl4003',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nCMD ["echo", "a"]\nCMD ["echo", "b"]\n' }],
      good: [
        { code: 'FROM debian:12\nCMD ["echo", "b"]\n' },
        { code: 'FROM debian:12 AS a\nCMD ["echo", "a"]\nFROM debian:12\nCMD ["echo", "b"]\n', note: 'each stage may have its own' },
      ],
    },
  },
  check(model, ctx) {
    const seen = new Set<Stage | null>();
    const entryList = model.entriesOf('CMD');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      if (entry.onbuild) continue;
      if (!seen.has(entry.stage)) {
        seen.add(entry.stage);
        continue;
      }
      ctx.report(entry.instruction, 'this stage already has a CMD; only the last one takes effect', entry.instruction.keywordSpan);
    }
  },
};
