import type { Instruction } from '../../dockerfile/ast.js';
import type { DockerfileRule, Stage } from './types.js';

/** `root`, UID 0, or either of them with a group (`root:root`, `0:0`). */
function isRootUser(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3002',
    severity: 'warning',
    title: 'Do not switch back to root as the last USER',
    rationale:
      'The last USER of a stage is the user its containers run as. Ending on root gives any compromise of the ' +
      'application full control of the container and a larger attack surface on the host.',
    remediation:
      'Finish each stage that ends with `USER root` by switching to an unprivileged user, e.g. `USER app` or ' +
      '`USER 10001`.',
    docsAnchor: 'dl3002',
    tags: ['hadolint', 'security'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nUSER app\nRUN id\nUSER root\nCMD ["/app"]\n' },
        { code: 'FROM debian:12\nUSER 0:0\n' },
      ],
      good: [
        { code: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n' },
        { code: 'FROM debian:12\nRUN id\n', note: 'Stages without any USER are not reported by this rule.' },
      ],
    },
  },
  check(model, context) {
    // Per stage: the USER instruction that set root last, or none once a later USER dropped it.
    const lastRootUser = new Map<Stage, Instruction>();
    const entryList = model.entriesOf('USER');
    for (let entryIndex = 0; entryIndex < entryList.length; entryIndex++) {
      const entry = entryList[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild || entry.stage === null) continue;
      if (isRootUser(instruction.args[0] ?? '')) lastRootUser.set(entry.stage, instruction);
      else lastRootUser.delete(entry.stage);
    }
    const found = [...lastRootUser.values()].sort((a, b) => a.span.start.line - b.span.start.line);
    for (const instruction of found) {
      if (instruction.keyword !== 'USER') continue;
      context.report(
        instruction,
        `The stage ends with 'USER ${instruction.args[0] ?? ''}'; switch to a non-root user after the steps that need root`,
        instruction.argSpans[0] ?? instruction.argsSpan,
      );
    }
  },
};
