import type { DockerfileRule } from './types.js';
import { anchorOf, runEntries } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL4005',
    severity: 'warning',
    title: 'Use SHELL instead of linking /bin/sh',
    rationale:
      'Replacing /bin/sh with a link changes the shell for every script in the image, including package maintainer scripts that expect a POSIX sh.',
    remediation: 'Set the shell for RUN with `SHELL ["/bin/bash", "-c"]` instead.',
    docsAnchor: 'dl4005',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n' }],
      good: [{ code: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n' }],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'ln')) return;
    for (const { entry, commands } of runEntries(model)) {
      const offender = commands.find((c) => c.name === 'ln' && c.args.includes('/bin/sh'));
      if (!offender) continue;
      const word = offender.words.find((w) => w.value === '/bin/sh');
      ctx.report(anchorOf(entry), 'ln replaces /bin/sh; change the shell with the SHELL instruction instead', word?.span ?? offender.span);
    }
  },
};
