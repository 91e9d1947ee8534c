import type { DockerfileRule } from './types.js';
import { flagValue } from './util/rules-a.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3023',
    severity: 'error',
    title: 'COPY --from must not name its own stage',
    rationale: 'A stage cannot copy from itself: the build has a circular dependency and fails.',
    remediation: 'Point `--from` at the earlier stage that produces the files, or use a plain COPY from the context.',
    docsAnchor: 'dl3023',
    tags: ['hadolint'],
    examples: {
      bad: [
        { code: 'FROM golang:1.22 AS build\nCOPY --from=build /go/bin/app /app\n' },
        { code: 'FROM golang:1.22\nCOPY --from=0 /go/bin/app /app\n', note: 'The stage number counts too.' },
      ],
      good: [
        { code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app\n' },
      ],
    },
  },
  check(model, context) {
    const entryList = model.entriesOf('COPY');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      const stage = entry.stage;
      if (entry.onbuild || stage === null) continue;
      const from = flagValue(instruction, 'from');
      if (from === undefined) continue;
      // Stage names are case-insensitive in BuildKit; `--from=<own index>` is the same stage too.
      const byName = stage.alias !== undefined && stage.alias.toLowerCase() === from.value.toLowerCase();
      const byIndex = from.value === String(stage.index);
      if (!byName && !byIndex) continue;
      context.report(instruction, `COPY --from='${from.value}' refers to the stage it is in`, from.span);
    }
  },
};
