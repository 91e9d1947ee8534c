import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3029',
    severity: 'warning',
    title: 'Do not hard-code --platform in FROM',
    rationale:
      'A fixed `FROM --platform=linux/amd64` overrides the platform the user asked for, so multi-platform builds ' +
      'silently produce the wrong architecture or run under emulation.',
    remediation:
      'Drop the flag, or use the automatic build arguments: `--platform=$BUILDPLATFORM` for build tools and ' +
      '`$TARGETPLATFORM` for the runtime image.',
    docsAnchor: 'dl3029',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM --platform=linux/amd64 debian:12\n' }],
      good: [
        { code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
        { code: 'FROM debian:12\n' },
      ],
    },
  },
  check(model, context) {
    // Indexed: every file runs this, mostly in V8's interpreter, where for-of costs an iterator object.
    for (let stageIndex = 0; stageIndex < model.stages.length; stageIndex++) {
      const stage = model.stages[stageIndex]!;
      const platform = stage.from.platform;
      if (platform === undefined) continue;
      if (platform.includes('BUILDPLATFORM') || platform.includes('TARGETPLATFORM')) continue;
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      context.report(
        stage.from,
        `FROM pins the platform to '${platform}'; use $BUILDPLATFORM or $TARGETPLATFORM, or leave it to the build`,
        flag?.span ?? stage.from.argsSpan,
      );
    }
  },
};
