import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3007',
    severity: 'warning',
    title: 'Do not use the latest tag',
    rationale:
      '`latest` is a moving tag: it changes whenever the publisher pushes, so builds are not reproducible and a ' +
      'rebuild can pick up breaking changes or a different OS release.',
    remediation: 'Replace `:latest` with a specific version, optionally with its digest.',
    docsAnchor: 'dl3007',
    tags: ['hadolint', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM debian:latest\n' },
        { code: 'ARG TAG=latest\nFROM node:${TAG}\n', note: 'ARG defaults before the first FROM are resolved.' },
      ],
      good: [
        { code: 'FROM debian:12\n' },
        {
          code: 'FROM debian:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
          note: 'A digest pins the image even when the tag is latest.',
        },
      ],
    },
  },
  check(model, context) {
    // Indexed: every file runs this, mostly in V8's interpreter, where for-of costs an iterator object.
    for (let stageIndex = 0; stageIndex < model.stages.length; stageIndex++) {
      const stage = model.stages[stageIndex]!;
      const image = stage.resolvedImage;
      if (image.tag !== 'latest' || image.digest !== undefined) continue;
      const viaArg = stage.from.image.raw !== image.raw ? ` (from '${stage.from.image.raw}')` : '';
      context.report(
        stage.from,
        `Base image '${image.raw}'${viaArg} uses the moving 'latest' tag; pin a specific version`,
        stage.from.argsSpan,
      );
    }
  },
};
