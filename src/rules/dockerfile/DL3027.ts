import type { DockerfileRule } from './types.js';
import { everyCommand, firstPerRun } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3027',
    severity: 'warning',
    title: 'Use apt-get or apt-cache instead of apt',
    rationale:
      '`apt` is meant for interactive use: its command-line interface and output are not stable and it warns ' +
      'when used in scripts. `apt-get` and `apt-cache` are the scriptable equivalents.',
    remediation: 'Replace `apt install ...` with `apt-get install ...` (and `apt search` with `apt-cache search`).',
    docsAnchor: 'dl3027',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN apt install -y curl=7.88.1-10\n' }],
      good: [{ code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10\n' }],
    },
  },
  check(model, context) {
    // Only apt's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(model, 'apt', true, everyCommand);
    for (let i = 0; i < found.length; i++) {
      const { run: step, command: apt } = found[i]!;
      const sub = apt.args.find((arg) => !arg.startsWith('-'));
      const replacement = sub === 'search' || sub === 'show' || sub === 'policy' ? 'apt-cache' : 'apt-get';
      const shown = sub === undefined ? 'apt' : `apt ${sub}`;
      context.report(step.anchor, `'${shown}' is for interactive use; use '${replacement}' in scripts`, apt.span);
    }
  },
};
