import type { DockerfileRule, Stage } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL4004',
    severity: 'error',
    title: 'Use only one ENTRYPOINT per stage',
    rationale: 'Only the last ENTRYPOINT of a stage takes effect. Earlier ones are silently overridden, which usually hides a mistake.',
    remediation: 'Keep a single ENTRYPOINT in each stage and delete the others.',
    docsAnchor: 'dl4004',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nENTRYPOINT ["/bin/a"]\nENTRYPOINT ["/bin/b"]\n' }],
      good: [
        { code: 'FROM debian:12\nENTRYPOINT ["/bin/b"]\n' },
        { code: 'FROM debian:12 AS a\nENTRYPOINT ["/bin/a"]\nFROM debian:12\nENTRYPOINT ["/bin/b"]\n', note: 'each stage may have its own' },
      ],
    },
  },
  check(model, ctx) {
    const seen = new Set<Stage | null>();
    const entryList = model.entriesOf('ENTRYPOINT');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      if (entry.onbuild) continue;
      if (!seen.has(entry.stage)) {
        seen.add(entry.stage);
        continue;
      }
      ctx.report(entry.instruction, 'this stage already has a ENTRYPOINT; only the last one takes effect', entry.instruction.keywordSpan);
    }
  },
};
