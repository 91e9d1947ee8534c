import type { ShellCommand } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { countFlag, hasArg, hasFlag } from './util/rules-a.js';
import { firstPerRun } from './util/command-names.js';

/** `-y`/`--yes`/`--assume-yes`, or quiet level 2 (`-qq`, `-q=2`), which implies yes. */
function isNonInteractive(command: ShellCommand): boolean {
  if (hasFlag(command, 'y', 'yes', 'assume-yes')) return true;
  return countFlag(command, 'q') === 2 || countFlag(command, 'quiet') === 2 || hasArg(command, '-q=2');
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3014',
    severity: 'warning',
    title: 'Use -y with apt-get install',
    rationale:
      'Without `-y`, apt-get asks for confirmation; in a build there is no one to answer, so the step aborts ' +
      'as soon as the install needs more than the named packages.',
    remediation: 'Add `-y` (or `--yes`): `apt-get install -y --no-install-recommends curl=<version>`.',
    docsAnchor: 'dl3014',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN apt-get install curl=7.88.1-10\n' }],
      good: [
        { code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n' },
        { code: 'FROM debian:12\nRUN apt-get -qq install curl=7.88.1-10\n', note: '`-qq` implies `-y`.' },
      ],
    },
  },
  check(model, context) {
    // Only apt-get's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(model, 'apt-get', true, (command) => hasArg(command, 'install') && !isNonInteractive(command));
    for (let i = 0; i < found.length; i++) {
      const { run, command: offender } = found[i]!;
      context.report(
        run.anchor,
        "apt-get install runs without '-y', so it stops at the confirmation prompt; add '-y'",
        offender.span,
      );
    }
  },
};
