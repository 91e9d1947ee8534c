import type { DockerfileRule, Stage } from './types.js';
import { flagValue, isOpaque } from './util/rules-a.js';

function namesStage(stages: readonly Stage[], count: number, name: string): boolean {
  for (let i = 0; i < count; i++) if (stages[i]!.alias?.toLowerCase() === name) return true;
  return false;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3022',
    severity: 'warning',
    title: 'COPY --from should name an earlier stage',
    rationale:
      'A `--from` value that is not a stage defined above is treated as an image name: a typo in a stage name ' +
      'silently pulls an unrelated image from a registry instead of failing.',
    remediation:
      'Name the stage with `FROM ... AS <name>` before the COPY, or, to copy from an image, write a full ' +
      'reference with a tag (`--from=nginx:1.27`).',
    docsAnchor: 'dl3022',
    tags: ['hadolint', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=buidl /app /app\n' },
      ],
      good: [
        { code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app\n' },
        { code: 'FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/\n' },
        { code: 'FROM golang:1.22\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=0 /app /app\n' },
      ],
    },
  },
  check(model, context) {
    const entryList = model.entriesOf('COPY');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const from = flagValue(instruction, 'from');
      if (from === undefined) continue;
      const value = from.value;
      // A tag/digest marks an image reference; a variable may name anything.
      if (value.includes(':') || isOpaque(value)) continue;
      // The stages defined so far, this one included (stage i has index i).
      const known = entry.stage === null ? 0 : entry.stage.index + 1;
      if (/^[0-9]+$/.test(value) && Number(value) < known) continue;
      // Stage names are case-insensitive in BuildKit.
      if (namesStage(model.stages, known, value.toLowerCase())) continue;
      context.report(
        instruction,
        `COPY --from='${value}' does not name an earlier stage; define it with 'AS ${value}' or give an image tag`,
        from.span,
      );
    }
  },
};
