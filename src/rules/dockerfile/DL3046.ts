import type { DockerfileRule } from './types.js';
import type { ShellCommand, ShellWord } from '../../shell/types.js';
import { hasAnyFlag, shortFlagValue } from './util/rules-b.js';
import { firstPerRun } from './util/command-names.js';

/** The UID word of a `useradd -u N` with more than five digits and without -l/--no-log-init. */
function largeUid(cmd: ShellCommand): ShellWord | undefined {
  if (hasAnyFlag(cmd, ['l', 'no-log-init']) || !hasAnyFlag(cmd, ['u', 'uid'])) return undefined;
  // Only the word after a short `-u` is looked at (Hadolint ignores `--uid N`).
  const uid = shortFlagValue(cmd, 'u');
  return uid !== undefined && uid.value.length > 5 ? uid : undefined;
}

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
    // Only useradd's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(model, 'useradd', true, (cmd) => largeUid(cmd) !== undefined);
    for (let i = 0; i < found.length; i++) {
      const { run, command } = found[i]!;
      const uid = largeUid(command)!;
      ctx.report(run.anchor, `useradd with UID ${uid.value} and no -l/--no-log-init bloats /var/log/lastlog and faillog`, uid.span);
    }
  },
};
