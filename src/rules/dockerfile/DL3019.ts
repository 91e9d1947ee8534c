import type { DockerfileRule } from './types.js';
import { hasArg, hasCacheMountOn, hasFlag } from './util/rules-a.js';
import { firstPerRun } from './util/command-names.js';

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
    // Only apk's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(model, 'apk', true, (command) => hasArg(command, 'add') && !hasFlag(command, 'no-cache'));
    for (let i = 0; i < found.length; i++) {
      const { run, command: offender } = found[i]!;
      if (hasCacheMountOn(model.mounts(run.entry.instruction), '/var/cache/apk')) continue;
      context.report(
        run.anchor,
        "apk add keeps its package index in /var/cache/apk; add '--no-cache'",
        offender.span,
      );
    }
  },
};
