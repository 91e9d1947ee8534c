import type { DockerfileRule } from './types.js';
import { everyCommand, firstPerRun } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3003',
    severity: 'warning',
    title: 'Use WORKDIR instead of cd',
    rationale:
      'A `cd` only lasts until the end of its RUN, so later instructions silently run elsewhere, and chains of ' +
      '`cd` make the working directory hard to follow. WORKDIR sets it for every following instruction.',
    remediation: 'Replace `RUN cd /src && make` with `WORKDIR /src` followed by `RUN make`.',
    docsAnchor: 'dl3003',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM alpine:3.20\nRUN cd /usr/src/app && make\n' }],
      good: [
        { code: 'FROM alpine:3.20\nWORKDIR /usr/src/app\nRUN make\n' },
        { code: 'FROM alpine:3.20\nONBUILD RUN cd /src && make\n', note: 'ONBUILD payloads are not checked.' },
      ],
    },
  },
  check(model, context) {
    // Only the cd commands of top-level RUNs are visited; one finding per RUN.
    const found = firstPerRun(model, 'cd', false, everyCommand);
    for (let i = 0; i < found.length; i++) {
      const { run: step, command: cd } = found[i]!;
      const target = cd.args.find((arg) => !arg.startsWith('-'));
      const hint = target === undefined ? 'a WORKDIR instruction' : `'WORKDIR ${target}'`;
      context.report(step.anchor, `'cd' changes directory only within this RUN; use ${hint} instead`, cd.span);
    }
  },
};
