import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, hasAnyFlag, runEntries } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

const INSTALL_WORDS = ['install', 'groupinstall', 'localinstall'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3030',
    severity: 'warning',
    title: 'Use the -y switch with yum install',
    rationale:
      'A build has no terminal to answer prompts. Without `-y`, yum asks for confirmation and the build either hangs or aborts.',
    remediation: 'Add `-y` (or `--assumeyes`) to every `yum install`, `yum groupinstall` and `yum localinstall`.',
    docsAnchor: 'dl3030',
    tags: ['hadolint', 'onbuild', 'yum'],
    examples: {
      bad: [{ code: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n' }],
      good: [
        { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
        { code: 'FROM centos:7\nRUN yum groupinstall --assumeyes "Development Tools"\n', note: 'the long form counts too' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'yum')) return;
    for (const { entry, commands } of runEntries(model)) {
      const offender = commands.find((c) => cmdHasAnyArg(c, 'yum', INSTALL_WORDS) && !hasAnyFlag(c, ['y', 'assumeyes']));
      if (!offender) continue;
      const verb = offender.args.find((a) => INSTALL_WORDS.includes(a)) ?? 'install';
      ctx.report(anchorOf(entry), `\`yum ${verb}\` has no -y/--assumeyes, so it would stop at a confirmation prompt`, offender.span);
    }
  },
};
