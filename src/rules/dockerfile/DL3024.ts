import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3024',
    severity: 'error',
    title: 'Give every stage a unique name',
    rationale:
      'BuildKit refuses a Dockerfile where two FROM instructions use the same `AS` name, and even where a tool ' +
      'accepts it, `COPY --from=<name>` and `--target` become ambiguous.',
    remediation: 'Rename one of the stages and update the COPY --from / FROM references to it.',
    docsAnchor: 'dl3024',
    tags: ['hadolint'],
    examples: {
      bad: [
        { code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS build\nRUN npm test\n' },
        { code: 'FROM node:20 AS Build\nFROM node:20 AS build\n', note: 'Stage names are case-insensitive.' },
      ],
      good: [{ code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20 AS test\nRUN npm test\n' }],
    },
  },
  check(model, context) {
    if (model.stages.length < 2) return; // one stage cannot collide (most files)
    // BuildKit lower-cases stage names, so `AS Build` and `AS build` collide.
    const firstLineOf = new Map<string, number>();
    // Indexed: every file runs this, mostly in V8's interpreter, where for-of costs an iterator object.
    for (let stageIndex = 0; stageIndex < model.stages.length; stageIndex++) {
      const stage = model.stages[stageIndex]!;
      if (stage.alias === undefined) continue;
      const key = stage.alias.toLowerCase();
      const firstLine = firstLineOf.get(key);
      if (firstLine === undefined) {
        firstLineOf.set(key, stage.from.span.start.line);
        continue;
      }
      context.report(
        stage.from,
        `Stage name '${stage.alias}' is already used by the stage on line ${firstLine}`,
        stage.from.aliasSpan ?? stage.from.argsSpan,
      );
    }
  },
};
