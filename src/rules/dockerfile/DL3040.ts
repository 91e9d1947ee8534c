import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, hasCacheMountContaining, runEntries } from './util/rules-b.js';
import type { ShellCommand } from '../../shell/types.js';
import { runsCommand } from './util/command-names.js';

const INSTALL_WORDS = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3040',
    severity: 'warning',
    title: 'Run dnf clean all after installing with dnf',
    rationale:
      'dnf and microdnf keep package downloads and repository metadata in their cache directory; left in the layer they only add size.',
    remediation:
      'End the RUN with `dnf clean all` (`microdnf clean all`), or mount the cache with `RUN --mount=type=cache,target=/var/cache/libdnf5`.',
    docsAnchor: 'dl3040',
    tags: ['hadolint', 'onbuild', 'dnf'],
    examples: {
      bad: [
        { code: 'FROM fedora:39\nRUN dnf install -y httpd-2.4.58\n' },
        { code: 'FROM fedora:39\nRUN dnf clean all && dnf upgrade -y\n', note: 'the clean must come after the install or upgrade' },
      ],
      good: [
        { code: 'FROM fedora:39\nRUN dnf install -y httpd-2.4.58 && dnf clean all\n' },
        { code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.4.62\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'dnf', 'microdnf')) return;
    for (const { entry, commands } of runEntries(model)) {
      if (hasCacheMountContaining(model, entry.instruction, ['/var/cache/libdnf5', '.cache/libdnf5'])) continue;
      // Each tool is judged on its own: a `dnf clean all` does not clean up after microdnf.
      for (const tool of ['dnf', 'microdnf']) {
        const isInstall = (c: ShellCommand): boolean => cmdHasAnyArg(c, tool, INSTALL_WORDS);
        const isClean = (c: ShellCommand): boolean =>
          cmdHasAnyArg(c, tool, ['clean', 'all']) || cmdHasAnyArg(c, 'rm', ['-rf', '/var/cache/libdnf5*']);
        const install = commands.findIndex(isInstall);
        if (install < 0) continue;
        const clean = commands.findIndex(isClean);
        if (clean >= 0 && install < clean) continue;
        ctx.report(
          anchorOf(entry),
          clean >= 0
            ? `\`${tool} clean all\` runs before the ${tool} install, so the package cache is left in the layer`
            : `${tool} installs packages without a following \`${tool} clean all\` in the same RUN`,
          commands[install]?.span,
        );
        break;
      }
    }
  },
};
