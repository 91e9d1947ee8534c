import type { DockerfileRule } from './types.js';

const FORBIDDEN = ['ONBUILD', 'FROM', 'MAINTAINER'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3043',
    severity: 'error',
    title: 'ONBUILD cannot wrap ONBUILD, FROM or MAINTAINER',
    rationale:
      'Docker refuses `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER`: the child build that triggers them would fail.',
    remediation: 'Remove the instruction from the ONBUILD trigger, or move it to the child Dockerfile.',
    docsAnchor: 'dl3043',
    tags: ['hadolint'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nONBUILD FROM alpine:3.19\n' },
        { code: 'FROM debian:12\nONBUILD MAINTAINER someone@example.com\n' },
      ],
      good: [{ code: 'FROM debian:12\nONBUILD COPY . /app\n' }],
    },
  },
  check(model, ctx) {
    const entryList = model.entriesOf('ONBUILD');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      // The parser leaves `inner` null for payloads it rejects (ONBUILD ONBUILD), so fall back to the text.
      const keyword = instruction.inner?.keyword ?? (instruction.rawArgs.trimStart().split(/\s/, 1)[0] ?? '').toUpperCase();
      if (!FORBIDDEN.includes(keyword)) continue;
      ctx.report(instruction, `${keyword} is not allowed as an ONBUILD trigger`, instruction.inner?.keywordSpan ?? instruction.argsSpan);
    }
  },
};
