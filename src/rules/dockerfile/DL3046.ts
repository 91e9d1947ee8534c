import type { DockerfileRule } from './types.js';
import { anchorOf, hasAnyFlag, runEntries, shortFlagValue } from './util/rules-b.js';
import { runsCommand } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3046',
    severity: 'warning',
    title: 'Use useradd -l with a large UID',
    rationale:
      'useradd records every user in /var/log/lastlog and /var/log/faillog, which are sparse files indexed by UID. With a large UID they become huge when the layer is written, inflating the image.',
    remediation: 'Add `-l` (`--no-log-init`) to `useradd`, or use a UID of at most five digits.',
    docsAnchor: 'dl3046',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN useradd -u 123456789 app\n' }],
      good: [
        { code: 'FROM debian:12\nRUN useradd -l -u 123456789 app\n' },
        { code: 'FROM debian:12\nRUN useradd -u 10001 app\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'useradd')) return;
    for (const { entry, commands } of runEntries(model)) {
      for (const cmd of commands) {
        if (cmd.name !== 'useradd' || hasAnyFlag(cmd, ['l', 'no-log-init']) || !hasAnyFlag(cmd, ['u', 'uid'])) continue;
        // Only the word after a short `-u` is looked at (Hadolint ignores `--uid N`).
        const uid = shortFlagValue(cmd, 'u');
        if (!uid || uid.value.length <= 5) continue;
        ctx.report(anchorOf(entry), `useradd with UID ${uid.value} and no -l/--no-log-init bloats /var/log/lastlog and faillog`, uid.span);
        break;
      }
    }
  },
};
