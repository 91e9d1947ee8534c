import type { DockerfileRule, Stage } from './types.js';
import { stripQuotes } from './util/rules-b.js';

/** Absolute enough not to depend on the working directory: `/x`, `$VAR`, `C:\x`, `C:/x`. */
function isAnchoredPath(dest: string): boolean {
  const path = stripQuotes(dest);
  if (path.startsWith('/') || path.startsWith('$')) return true;
  // A drive letter anchors a Windows path; with the default escape character `c:\dir` reads as `c:dir`.
  return /^[A-Za-z]:/.test(path);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3045',
    severity: 'warning',
    title: 'Set WORKDIR before COPY to a relative destination',
    rationale:
      'A relative COPY destination is resolved against the working directory, which is whatever the base image left behind. Without an explicit WORKDIR the files may land somewhere unexpected.',
    remediation: 'Add a `WORKDIR /path` before the COPY, or give an absolute destination.',
    docsAnchor: 'dl3045',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM node:20\nCOPY package.json .\n' }],
      good: [
        { code: 'FROM node:20\nWORKDIR /app\nCOPY package.json .\n' },
        { code: 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY package.json ./\n', note: 'WORKDIR is inherited from the parent stage' },
        { code: 'FROM node:20\nCOPY package.json /app/\n' },
      ],
    },
  },
  check(model, ctx) {
    if (model.entriesOf('COPY').length === 0) return; // findings are about COPY destinations
    // A stage inherits WORKDIR from the stage it is built FROM (docs/compatibility.md, DL3045).
    const workdirSet = new Map<Stage | null, boolean>();
    let current: Stage | null = null;
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword === 'FROM') {
        current = entry.stage;
        workdirSet.set(current, current?.parent ? workdirSet.get(current.parent) ?? false : false);
      } else if (instruction.keyword === 'WORKDIR') {
        workdirSet.set(current, true);
      } else if (instruction.keyword === 'COPY') {
        if (workdirSet.get(current) === true || isAnchoredPath(instruction.dest)) continue;
        ctx.report(
          instruction,
          `COPY destination '${instruction.dest}' is relative but no WORKDIR is set in this stage`,
          instruction.destSpan,
        );
      }
    }
  },
};
