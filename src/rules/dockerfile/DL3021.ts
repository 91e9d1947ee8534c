import type { DockerfileRule } from './types.js';
import { stripQuotes } from './util/rules-a.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3021',
    severity: 'error',
    title: 'End the COPY destination with / when copying several sources',
    rationale:
      'With more than one source the destination must be a directory, and the builder requires it to end with ' +
      '`/`; otherwise the build fails or the result is not what the author meant.',
    remediation: 'Add the trailing slash: `COPY a.txt b.txt /app/`.',
    docsAnchor: 'dl3021',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nCOPY package.json package-lock.json /app\n' }],
      good: [
        { code: 'FROM debian:12\nCOPY package.json package-lock.json /app/\n' },
        { code: 'FROM debian:12\nCOPY package.json /app\n', note: 'A single source may be renamed.' },
      ],
    },
  },
  check(model, context) {
    const entryList = model.entriesOf('COPY');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild || instruction.sources.length < 2) continue;
      if (stripQuotes(instruction.dest).endsWith('/')) continue;
      context.report(
        instruction,
        `COPY has ${instruction.sources.length} sources, so destination '${instruction.dest}' must be a directory ending with '/'`,
        instruction.destSpan,
      );
    }
  },
};
