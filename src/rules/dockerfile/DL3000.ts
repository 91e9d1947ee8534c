import type { DockerfileRule } from './types.js';
import { stripQuotes } from './util/rules-a.js';

/** Absolute on Linux (`/x`), a variable we cannot judge (`$HOME`), or a Windows drive path (`C:\x`). */
function looksAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3000',
    severity: 'error',
    title: 'Use an absolute WORKDIR path',
    rationale:
      'A relative WORKDIR is resolved against whatever the previous working directory was, which may come from ' +
      'the base image and change without notice. An absolute path makes the location explicit.',
    remediation: 'Write the full path, e.g. `WORKDIR /app` instead of `WORKDIR app`.',
    docsAnchor: 'dl3000',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM alpine:3.20\nWORKDIR app\n' }],
      good: [
        { code: 'FROM alpine:3.20\nWORKDIR /app\n' },
        { code: 'FROM alpine:3.20\nWORKDIR $HOME/app\n', note: 'Paths starting with a variable are not judged.' },
        { code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app\n' },
      ],
    },
  },
  check(model, context) {
    const entryList = model.entriesOf('WORKDIR');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const written = instruction.args[0] ?? '';
      const path = stripQuotes(written);
      if (looksAbsolute(path)) continue;
      context.report(
        instruction,
        `WORKDIR '${written}' is a relative path; use an absolute one such as '/${path}'`,
        instruction.argSpans[0] ?? instruction.argsSpan,
      );
    }
  },
};
