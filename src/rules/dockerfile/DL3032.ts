import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, runEntries } from './util/rules-b.js';
import type { ShellCommand } from '../../shell/types.js';
import { runsCommand } from './util/command-names.js';

const isInstall = (c: ShellCommand): boolean => cmdHasAnyArg(c, 'yum', ['install']);
// Hadolint's test is "yum with `clean` OR `all`", or an `rm` with `-rf` OR the yum cache path.
const isClean = (c: ShellCommand): boolean =>
  cmdHasAnyArg(c, 'yum', ['clean', 'all']) || cmdHasAnyArg(c, 'rm', ['-rf', '/var/cache/yum/*']);

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3032',
    severity: 'warning',
    title: 'Run yum clean all after yum install',
    rationale:
      'yum keeps downloaded packages and metadata under /var/cache/yum. Left in the layer they add size without any use at run time.',
    remediation: 'Finish the same RUN with `yum clean all` (or `rm -rf /var/cache/yum/*`) after the install.',
    docsAnchor: 'dl3032',
    tags: ['hadolint', 'onbuild', 'yum'],
    examples: {
      bad: [
        { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n' },
        { code: 'FROM centos:7\nRUN yum clean all && yum install -y httpd-2.4.6\n', note: 'cleaning before installing does not help' },
      ],
      good: [{ code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' }],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'yum')) return;
    for (const { entry, commands } of runEntries(model)) {
      const install = commands.findIndex(isInstall);
      if (install < 0) continue;
      const clean = commands.findIndex(isClean);
      if (clean >= 0 && install < clean) continue;
      const cmd = commands[install];
      const message =
        clean >= 0
          ? '`yum clean all` runs before `yum install` in this RUN, so the install still leaves its cache behind'
          : '`yum install` is not followed by `yum clean all` in the same RUN; the yum cache stays in the layer';
      ctx.report(anchorOf(entry), message, cmd?.span);
    }
  },
};
