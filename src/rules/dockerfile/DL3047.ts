import type { DockerfileRule } from './types.js';
import { hasAnyFlag } from './util/rules-b.js';
import { firstPerRun } from './util/command-names.js';

const QUIET_FLAGS = ['progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3047',
    severity: 'info',
    title: 'Tame wget progress output',
    rationale:
      "wget's default progress bar writes a line per refresh into the build log, which can grow to megabytes for a large download.",
    remediation: 'Use `wget --progress=dot:giga`, or `-q`/`-nv`, or send the log elsewhere with `-o`/`-a`.',
    docsAnchor: 'dl3047',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN wget https://example.com/tool.tar.gz\n' }],
      good: [
        { code: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n' },
        { code: 'FROM debian:12\nRUN wget -nv https://example.com/tool.tar.gz\n' },
      ],
    },
  },
  check(model, ctx) {
    // Only wget's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(model, 'wget', true, (c) => !hasAnyFlag(c, QUIET_FLAGS) && !c.args.includes('-nv'));
    for (let i = 0; i < found.length; i++) {
      const { run, command: offender } = found[i]!;
      ctx.report(run.anchor, 'wget runs with its default progress bar, which floods the build log', offender.span);
    }
  },
};
