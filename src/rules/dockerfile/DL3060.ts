import type { DockerfileRule, Entry, Stage } from './types.js';
import { anchorOf, cmdHasAnyArg, hasCacheMountContaining, passes } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3060',
    severity: 'info',
    title: 'Run yarn cache clean after yarn install',
    rationale:
      "yarn keeps every downloaded package in its cache. In an image that is shipped, the cache only adds size.",
    remediation:
      'Add `&& yarn cache clean` after `yarn install` in the same RUN, or mount the cache with `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn`.',
    docsAnchor: 'dl3060',
    tags: ['hadolint', 'onbuild', 'yarn'],
    examples: {
      bad: [{ code: 'FROM node:20\nWORKDIR /app\nRUN yarn install --frozen-lockfile\n' }],
      good: [
        { code: 'FROM node:20\nWORKDIR /app\nRUN yarn install --frozen-lockfile && yarn cache clean\n' },
        {
          code: 'FROM node:20 AS build\nWORKDIR /app\nRUN yarn install --frozen-lockfile\nFROM nginx:1.25\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
          note: 'a build stage that is not shipped is not reported',
        },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'yarn')) return;
    const { normal, onbuild } = passes(model);
    const failing = (entries: readonly Entry[]): Entry[] =>
      entries.filter((entry) => {
        if (entry.instruction.keyword !== 'RUN') return false;
        const commands = model.shell(entry.instruction)?.commands ?? [];
        const install = commands.findIndex((c) => cmdHasAnyArg(c, 'yarn', ['install']));
        if (install < 0) return false;
        if (hasCacheMountContaining(model, entry.instruction, ['.cache/yarn'])) return false;
        const clean = commands.findIndex((c) => cmdHasAnyArg(c, 'yarn', ['cache', 'clean']));
        return clean < 0 || clean < install;
      });
    // Only stages that end up in an image count: the last one and any stage another FROM builds on
    // (from the stage graph, like DL3009; docs/compatibility.md, DL3060). COPY --from sources are not shipped.
    const kept = new Set<Stage>();
    const last = model.stages[model.stages.length - 1];
    if (last) kept.add(last);
    for (const stage of model.stages) if (stage.parent) kept.add(stage.parent);
    // Before any FROM there is no stage at all; those only count in a file without FROM.
    const shipped = (stage: Stage | null): boolean => (stage === null ? last === undefined : kept.has(stage));
    for (const entry of failing(normal)) {
      if (!shipped(entry.stage)) continue;
      ctx.report(anchorOf(entry), '`yarn install` leaves its package cache in the layer; add `yarn cache clean` after it');
    }
    // ONBUILD triggers run in whatever child image uses them, so they are always reported.
    for (const entry of failing(onbuild)) {
      ctx.report(anchorOf(entry), 'ONBUILD `yarn install` leaves its package cache in the layer; add `yarn cache clean` after it');
    }
  },
};
