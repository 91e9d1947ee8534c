import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3065',
    severity: 'warning',
    title: 'Drop a redundant --platform=$TARGETPLATFORM',
    rationale: 'FROM already uses the target platform by default, so `--platform=$TARGETPLATFORM` adds nothing but noise.',
    remediation: 'Remove the flag, or use `$BUILDPLATFORM` if the stage should run on the build machine.',
    docsAnchor: 'dl3065',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM --platform=$TARGETPLATFORM debian:12\n' }],
      good: [
        { code: 'FROM debian:12\n' },
        { code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n' },
      ],
    },
  },
  check(model, ctx) {
    // Indexed: every file runs this, mostly in V8's interpreter, where for-of costs an iterator object.
    for (let stageIndex = 0; stageIndex < model.stages.length; stageIndex++) {
      const stage = model.stages[stageIndex]!;
      const platform = stage.from.platform;
      if (platform !== '$TARGETPLATFORM' && platform !== '${TARGETPLATFORM}') continue;
      const flag = stage.from.flags.find((f) => f.name === 'platform');
      ctx.report(stage.from, `--platform=${platform} is the default for FROM and can be removed`, flag?.span);
    }
  },
};
