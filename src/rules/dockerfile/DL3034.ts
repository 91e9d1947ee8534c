import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, hasAnyFlag, runEntries } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

const CHANGING_VERBS = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3034',
    severity: 'warning',
    title: 'Run zypper non-interactively',
    rationale:
      'zypper asks for confirmation before changing packages. A build cannot answer, so the step hangs or fails unless confirmation is switched off.',
    remediation: 'Pass `-n`/`--non-interactive` (before the verb) or `-y`/`--no-confirm` (after it).',
    docsAnchor: 'dl3034',
    tags: ['hadolint', 'onbuild', 'zypper'],
    examples: {
      bad: [{ code: 'FROM opensuse/leap:15.5\nRUN zypper install httpd=2.4.51 && zypper clean\n' }],
      good: [
        { code: 'FROM opensuse/leap:15.5\nRUN zypper install -y httpd=2.4.51 && zypper clean\n' },
        { code: 'FROM opensuse/leap:15.5\nRUN zypper --non-interactive remove vim && zypper clean\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'zypper')) return;
    for (const { entry, commands } of runEntries(model)) {
      const offender = commands.find(
        (c) => cmdHasAnyArg(c, 'zypper', CHANGING_VERBS) && !hasAnyFlag(c, ['n', 'y', 'non-interactive', 'no-confirm']),
      );
      if (!offender) continue;
      const verb = offender.args.find((a) => CHANGING_VERBS.includes(a)) ?? 'install';
      ctx.report(anchorOf(entry), `\`zypper ${verb}\` would wait for confirmation; add -n/--non-interactive or -y`, offender.span);
    }
  },
};
