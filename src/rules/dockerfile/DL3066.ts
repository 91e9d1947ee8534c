import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3066',
    severity: 'info',
    title: 'Use a numeric user id in USER',
    rationale:
      'A user name is resolved through /etc/passwd inside the image. Policies such as Kubernetes runAsNonRoot cannot verify a name, and a name missing from passwd fails at start.',
    remediation: 'Use the numeric UID (and GID), e.g. `USER 10001:10001`, or a build ARG holding it.',
    docsAnchor: 'dl3066',
    tags: ['hadolint'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app\n' }],
      good: [
        { code: 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001:10001\n' },
        { code: 'FROM debian:12\nARG APP_UID=10001\nUSER ${APP_UID}\n' },
      ],
    },
  },
  check(model, ctx) {
    if (model.entriesOf('USER').length === 0) return; // findings are about USER instructions
    const argNames: string[] = [];
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      if (entry.onbuild) continue;
      const instruction = entry.instruction;
      if (instruction.keyword === 'ARG') {
        for (const arg of instruction.args) argNames.push(arg.name);
        continue;
      }
      if (instruction.keyword !== 'USER') continue;
      const text = instruction.args[0] ?? '';
      const user = text.split(':')[0] ?? '';
      if (/^[0-9]*$/.test(user)) continue;
      if (argNames.some((n) => user.includes('$' + n) || user.includes('${' + n + '}'))) continue;
      ctx.report(instruction, `USER '${user}' is a name, not a numeric id`, instruction.argSpans[0]);
    }
  },
};
