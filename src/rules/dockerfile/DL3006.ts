import type { DockerfileRule } from './types.js';
import { isOpaque } from './util/rules-a.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3006',
    severity: 'warning',
    title: 'Tag the base image explicitly',
    rationale:
      'A FROM without tag or digest pulls whatever `latest` points to at build time, so two builds of the same ' +
      'Dockerfile can produce different images and break without any change in the repository.',
    remediation: 'Name a version (`FROM nginx:1.27`) or, better still, a digest (`FROM nginx:1.27@sha256:...`).',
    docsAnchor: 'dl3006',
    tags: ['hadolint', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM debian\n' },
        {
          code: 'ARG BASE=node\nFROM ${BASE}\n',
          note: 'ARG defaults declared before the first FROM are resolved, so the untagged default is found.',
        },
      ],
      good: [
        { code: 'FROM debian:12\n' },
        { code: 'ARG IMG=nginx:1.25\nFROM ${IMG}\n' },
        {
          code: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM build\n',
          note: 'An earlier stage name is not an image; scratch and unresolved variables are not judged either.',
        },
      ],
    },
  },
  check(model, context) {
    const earlierAliases = new Set<string>();
    // Indexed: every file runs this, mostly in V8's interpreter, where for-of costs an iterator object.
    for (let stageIndex = 0; stageIndex < model.stages.length; stageIndex++) {
      const stage = model.stages[stageIndex]!;
      const image = stage.resolvedImage;
      const untagged = image.tag === undefined && image.digest === undefined;
      const named = image.registry === undefined ? image.name : `${image.registry}/${image.name}`;
      // Stage names are case-insensitive in BuildKit (it lower-cases them).
      const isStage = image.registry === undefined && earlierAliases.has(image.name.toLowerCase());
      const opaque = isOpaque(image.name) || isOpaque(image.registry ?? '');
      // A FROM without an image is a syntax error (DL1000) already.
      if (untagged && !isStage && !opaque && image.name !== 'scratch' && image.name !== '') {
        const viaArg = stage.from.image.raw !== image.raw ? ` (from '${stage.from.image.raw}')` : '';
        context.report(
          stage.from,
          `Base image '${named}'${viaArg} has no tag or digest; pin a version such as '${named}:<version>'`,
          stage.from.argsSpan,
        );
      }
      if (stage.alias !== undefined) earlierAliases.add(stage.alias.toLowerCase());
    }
  },
};
