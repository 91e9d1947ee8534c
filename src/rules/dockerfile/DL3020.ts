import type { DockerfileRule } from './types.js';
import { isArchiveName } from './util/rules-a.js';

/** Remote sources ADD is needed for: URLs and git repositories (BuildKit clones `git@…`, `git://`, `ssh://`). */
function isRemote(source: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/.test(source);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3020',
    severity: 'error',
    title: 'Use COPY instead of ADD for files and folders',
    rationale:
      'ADD has extra behaviour (unpacking archives, fetching URLs) that surprises readers when the source is a ' +
      'plain file or directory. COPY does only what it says.',
    remediation: 'Replace ADD with COPY; keep ADD only for local tar archives to unpack and for remote sources.',
    docsAnchor: 'dl3020',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nADD requirements.txt /app/\n' }],
      good: [
        { code: 'FROM debian:12\nCOPY requirements.txt /app/\n' },
        { code: 'FROM debian:12\nADD rootfs.tar.xz /\nADD https://example.com/tool.sh /usr/local/bin/\n' },
      ],
    },
  },
  check(model, context) {
    const entryList = model.entriesOf('ADD');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      const plainIndexes = instruction.sources
        .map((source, index) => ({ source, index }))
        .filter(({ source }) => !isArchiveName(source) && !isRemote(source));
      if (plainIndexes.length === 0) continue;
      const first = plainIndexes[0]!;
      const names = plainIndexes.map(({ source }) => `'${source}'`).join(', ');
      context.report(
        instruction,
        `ADD of ${names}, which is neither a tar archive nor a remote source; use COPY`,
        instruction.sourceSpans[first.index] ?? instruction.argsSpan,
      );
    }
  },
};
