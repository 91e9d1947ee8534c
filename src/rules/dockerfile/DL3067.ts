import type { DockerfileRule } from './types.js';
import { stripQuotes } from './util/rules-b.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3067',
    severity: 'warning',
    title: 'Do not copy a whole filesystem from another stage or image',
    rationale:
      'Copying `/` onto `/` overwrites the target with everything in the source, including its package database, users and configuration, and hides what the image really contains.',
    remediation: 'Copy only the files and directories the final image needs.',
    docsAnchor: 'dl3067',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build / /\n' }],
      good: [{ code: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out/app /usr/local/bin/app\n' }],
    },
  },
  check(model, ctx) {
    const entryList = model.entriesOf('COPY');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const from = instruction.flags.find((f) => f.name === 'from');
      if (!from) continue;
      if (stripQuotes(instruction.dest) !== '/' || !instruction.sources.some((s) => stripQuotes(s) === '/')) continue;
      ctx.report(instruction, `COPY --from=${from.value ?? ''} copies the entire root filesystem onto /`);
    }
  },
};
