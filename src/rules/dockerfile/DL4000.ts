import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL4000',
    severity: 'error',
    title: 'MAINTAINER is deprecated',
    rationale: 'Docker deprecated MAINTAINER; the information belongs in a label where tools can find it.',
    remediation: 'Replace it with `LABEL org.opencontainers.image.authors="name <mail>"` (or `LABEL maintainer=...`).',
    docsAnchor: 'dl4000',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n' }],
      good: [{ code: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n' }],
    },
  },
  check(model, ctx) {
    const entryList = model.entriesOf('MAINTAINER');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      if (entry.onbuild) continue;
      ctx.report(entry.instruction, 'MAINTAINER is deprecated; use a LABEL (org.opencontainers.image.authors) instead', entry.instruction.keywordSpan);
    }
  },
};
