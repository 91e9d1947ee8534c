import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, runEntries } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3035',
    severity: 'warning',
    title: 'Do not run zypper dist-upgrade',
    rationale:
      'A distribution upgrade inside an image build changes the whole base system to whatever is current, which makes builds unreproducible and can break the image in ways unrelated to your change.',
    remediation: 'Use a newer base image tag instead, or update only the packages you need with pinned versions.',
    docsAnchor: 'dl3035',
    tags: ['hadolint', 'onbuild', 'zypper'],
    examples: {
      bad: [{ code: 'FROM opensuse/leap:15.5\nRUN zypper -n dist-upgrade\n' }, { code: 'FROM opensuse/leap:15.5\nRUN zypper -n dup\n' }],
      good: [{ code: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.51 && zypper clean\n' }],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'zypper')) return;
    for (const { entry, commands } of runEntries(model)) {
      const offender = commands.find((c) => cmdHasAnyArg(c, 'zypper', ['dist-upgrade', 'dup']));
      if (!offender) continue;
      const verb = offender.args.find((a) => a === 'dist-upgrade' || a === 'dup') ?? 'dist-upgrade';
      ctx.report(anchorOf(entry), `\`zypper ${verb}\` upgrades the whole distribution during the build`, offender.span);
    }
  },
};
