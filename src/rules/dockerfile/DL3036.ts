import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, hasCacheMountContaining, runEntries } from './util/rules-b.js';
import type { ShellCommand } from '../../shell/types.js';
import { runsCommand } from './util/command-names.js';

const isInstall = (c: ShellCommand): boolean => cmdHasAnyArg(c, 'zypper', ['install', 'in']);
const isClean = (c: ShellCommand): boolean => cmdHasAnyArg(c, 'zypper', ['clean', 'cc']);

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3036',
    severity: 'warning',
    title: 'Run zypper clean after zypper install',
    rationale: 'zypper keeps downloaded packages and repository metadata in /var/cache/zypp; they bloat the layer.',
    remediation:
      'End the RUN with `zypper clean` (or `zypper cc`) after installing, or mount `/var/cache/zypp` as a cache with `RUN --mount=type=cache,target=/var/cache/zypp`.',
    docsAnchor: 'dl3036',
    tags: ['hadolint', 'onbuild', 'zypper'],
    examples: {
      bad: [{ code: 'FROM opensuse/leap:15.5\nRUN zypper -n install httpd=2.4.51\n' }],
      good: [
        { code: 'FROM opensuse/leap:15.5\nRUN zypper -n install httpd=2.4.51 && zypper clean\n' },
        { code: 'FROM opensuse/leap:15.5\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install httpd=2.4.51\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'zypper')) return;
    for (const { entry, commands } of runEntries(model)) {
      const install = commands.findIndex(isInstall);
      if (install < 0) continue;
      const clean = commands.findIndex(isClean);
      if (clean >= 0 && install < clean) continue;
      if (hasCacheMountContaining(model, entry.instruction, ['/var/cache/zypp'])) continue;
      ctx.report(
        anchorOf(entry),
        clean >= 0
          ? '`zypper clean` runs before `zypper install`, so the install still leaves its cache in the layer'
          : '`zypper install` is not followed by `zypper clean` in the same RUN; the package cache stays in the layer',
        commands[install]?.span,
      );
    }
  },
};
