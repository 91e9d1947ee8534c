import type { Instruction } from '../../dockerfile/ast.js';
import type { ShellCommand } from '../../shell/types.js';
import type { DockerfileRule, Mount, Stage } from './types.js';
import { hasArg, hasCacheMountOn, runSteps } from './util/rules-a.js';
import { runsAnyCommand } from './util/command-names.js';

const APT_TOOL_NAMES = ['apt', 'apt-get', 'aptitude'];
const APT_TOOLS = new Set(APT_TOOL_NAMES);

function updatesLists(commands: ShellCommand[]): ShellCommand | undefined {
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i]!;
    if (APT_TOOLS.has(command.name) && hasArg(command, 'update')) return command;
  }
  return undefined;
}

/** Hadolint's test: any `rm` with `-rf` or with the lists glob counts as cleaning up. */
function removesLists(commands: ShellCommand[]): boolean {
  return commands.some((command) => command.name === 'rm' && hasArg(command, '-rf', '/var/lib/apt/lists/*'));
}

/** The lists never reach the image when they live on a cache or tmpfs mount. */
function listsOnMount(mounts: Mount[]): boolean {
  return (
    hasCacheMountOn(mounts, '/var/lib/apt/lists') ||
    (hasCacheMountOn(mounts, '/var/lib/apt') && hasCacheMountOn(mounts, '/var/cache/apt'))
  );
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3009',
    severity: 'info',
    title: 'Delete the apt lists after installing',
    rationale:
      '`apt-get update` downloads package lists into /var/lib/apt/lists; left there they add tens of megabytes ' +
      'to the layer and go stale. Only stages that end up in an image matter.',
    remediation:
      'End the same RUN with `rm -rf /var/lib/apt/lists/*`, or keep the lists on a cache mount: ' +
      '`RUN --mount=type=cache,target=/var/lib/apt/lists ...`.',
    docsAnchor: 'dl3009',
    tags: ['hadolint', 'onbuild', 'image-size'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\n' },
        {
          code: 'FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN echo done\n',
          note: 'A stage used as the base of another stage counts as final.',
        },
      ],
      good: [
        {
          code:
            'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 \\\n' +
            ' && rm -rf /var/lib/apt/lists/*\n',
        },
        {
          code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n',
        },
        {
          code: 'FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12\nCOPY --from=build /etc/os-release /tmp/\n',
          note: 'A stage only used by COPY --from does not end up in the image.',
        },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsAnyCommand(model, APT_TOOL_NAMES)) return;
    // Stages that end up in an image: the last one, and those other stages are built FROM.
    const keptStages = new Set<Stage>();
    const last = model.stages[model.stages.length - 1];
    if (last !== undefined) keptStages.add(last);
    for (const stage of model.stages) if (stage.parent !== undefined) keptStages.add(stage.parent);

    const found: { anchor: Instruction; update: ShellCommand }[] = [];
    for (const step of runSteps(model, true)) {
      const update = updatesLists(step.commands);
      if (update === undefined || removesLists(step.commands)) continue;
      if (listsOnMount(model.mounts(step.entry.instruction))) continue;
      // ONBUILD payloads run in a child build, so they always count; before any FROM only a FROM-less file counts.
      const stage = step.entry.stage;
      const kept = step.entry.onbuild || (stage === null ? model.stages.length === 0 : keptStages.has(stage));
      if (kept) found.push({ anchor: step.anchor, update });
    }
    for (const { anchor, update } of found) {
      context.report(
        anchor,
        `'${update.name} update' leaves package lists in the layer; remove /var/lib/apt/lists/* in the same RUN`,
        update.span,
      );
    }
  },
};
