import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, hasAnyFlag, runEntries } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

const INSTALL_WORDS = ['install', 'groupinstall', 'localinstall'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3038',
    severity: 'warning',
    title: 'Use the -y switch with dnf install',
    rationale: 'dnf and microdnf ask before installing. Nobody can answer during a build, so the step hangs or fails.',
    remediation: 'Add `-y` (or `--assumeyes`) to `dnf install`, `dnf groupinstall`, `dnf localinstall` and their microdnf forms.',
    docsAnchor: 'dl3038',
    tags: ['hadolint', 'onbuild', 'dnf'],
    examples: {
      bad: [
        { code: 'FROM fedora:39\nRUN dnf install httpd-2.4.58 && dnf clean all\n' },
        { code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3\nRUN microdnf install httpd-2.4.57 && microdnf clean all\n' },
      ],
      good: [{ code: 'FROM fedora:39\nRUN dnf install -y httpd-2.4.58 && dnf clean all\n' }],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'dnf', 'microdnf')) return;
    for (const { entry, commands } of runEntries(model)) {
      const offender = commands.find(
        (c) => cmdHasAnyArg(c, ['dnf', 'microdnf'], INSTALL_WORDS) && !hasAnyFlag(c, ['y', 'assumeyes']),
      );
      if (!offender) continue;
      const verb = offender.args.find((a) => INSTALL_WORDS.includes(a)) ?? 'install';
      ctx.report(anchorOf(entry), `\`${offender.name} ${verb}\` has no -y/--assumeyes, so it would stop at a confirmation prompt`, offender.span);
    }
  },
};
