import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3061',
    severity: 'error',
    title: 'Start the Dockerfile with FROM or ARG',
    rationale:
      'Only ARG (and comments or parser directives) may come before the first FROM. Any other instruction there has no image to act on and the build fails.',
    remediation: 'Move the instruction below the first FROM.',
    docsAnchor: 'dl3061',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'LABEL maintainer="team@example.com"\nFROM debian:12\n' }],
      good: [{ code: '# syntax=docker/dockerfile:1\nARG BASE=debian:12\n# base image\nFROM ${BASE}\n' }],
    },
  },
  check(model, ctx) {
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      // Entries before the first FROM are the only ones without a stage, and they come first.
      if (entry.stage !== null) break;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword === 'ARG' || instruction.keyword === 'FROM') continue;
      ctx.report(instruction, `${instruction.keyword} appears before the first FROM; only ARG may precede it`, instruction.keywordSpan);
    }
  },
};
