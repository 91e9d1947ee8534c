import type { DockerfileRule } from './types.js';
import { everyCommand, firstPerRun } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3004',
    severity: 'error',
    title: 'Do not use sudo',
    rationale:
      'Build steps already run as the current USER, and sudo inside an image brings a TTY and signal handling ' +
      'that behave unpredictably. Installing sudo also leaves a privilege-escalation path in the final image.',
    remediation:
      'Run privileged steps while USER is root, then switch with `USER <name>`; at runtime use a tool such as ' +
      'gosu or su-exec if a process must drop privileges.',
    docsAnchor: 'dl3004',
    tags: ['hadolint', 'onbuild', 'security'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN sudo apt-get update\n' },
        { code: 'FROM debian:12\nONBUILD RUN sudo make install\n', note: 'ONBUILD payloads are checked too.' },
      ],
      good: [{ code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' }],
    },
  },
  check(model, context) {
    // Only sudo's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(model, 'sudo', true, everyCommand);
    for (let i = 0; i < found.length; i++) {
      const { run: step, command: sudo } = found[i]!;
      const wrapped = sudo.args.find((arg) => !arg.startsWith('-'));
      const what = wrapped === undefined ? '' : ` to run '${wrapped}'`;
      context.report(step.anchor, `sudo is used${what}; run the step with the right USER instead`, sudo.span);
    }
  },
};
