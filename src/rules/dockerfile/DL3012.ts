import type { DockerfileRule, Stage } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3012',
    severity: 'error',
    title: 'Use at most one HEALTHCHECK per stage',
    rationale:
      'Only the last HEALTHCHECK of an image takes effect; earlier ones are dead code that misleads readers ' +
      'about how the container is monitored.',
    remediation: 'Keep a single HEALTHCHECK per stage and delete the others.',
    docsAnchor: 'dl3012',
    tags: ['hadolint'],
    examples: {
      bad: [
        {
          code:
            'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n' +
            'HEALTHCHECK CMD ["wget", "-q", "http://localhost/"]\n',
        },
      ],
      good: [
        {
          code:
            'FROM nginx:1.27 AS base\nHEALTHCHECK NONE\n' +
            'FROM base\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
          note: 'Each stage may have its own HEALTHCHECK.',
        },
      ],
    },
  },
  check(model, context) {
    const firstLine = new Map<Stage | null, number>();
    const entryList = model.entriesOf('HEALTHCHECK');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const earlier = firstLine.get(entry.stage);
      if (earlier === undefined) {
        firstLine.set(entry.stage, instruction.span.start.line);
        continue;
      }
      context.report(
        instruction,
        `This stage already has a HEALTHCHECK on line ${earlier}; only the last one takes effect`,
        instruction.keywordSpan,
      );
    }
  },
};
