import type { DockerfileRule } from './types.js';
import { hasArg, hasCacheMountOn, hasFlag, runSteps } from './util/rules-a.js';
import { runsCommand } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3019',
    severity: 'info',
    title: 'Use apk add --no-cache',
    rationale:
      'Without `--no-cache`, apk keeps the package index in /var/cache/apk, adding size to the layer; ' +
      '`--no-cache` fetches the index on the fly and leaves nothing behind.',
    remediation:
      'Use `apk add --no-cache ...` instead of `apk update && apk add ...`, or keep /var/cache/apk on a cache mount.',
    docsAnchor: 'dl3019',
    tags: ['hadolint', 'onbuild', 'image-size'],
    examples: {
      bad: [{ code: 'FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r2\n' }],
      good: [
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n' },
        { code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r2\n' },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'apk')) return;
    for (const step of runSteps(model, true)) {
      const offender = step.commands.find(
        (command) => command.name === 'apk' && hasArg(command, 'add') && !hasFlag(command, 'no-cache'),
      );
      if (!offender) continue;
      if (hasCacheMountOn(model.mounts(step.entry.instruction), '/var/cache/apk')) continue;
      context.report(
        step.anchor,
        "apk add keeps its package index in /var/cache/apk; add '--no-cache'",
        offender.span,
      );
    }
  },
};
