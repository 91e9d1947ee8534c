import type { DockerfileRule } from './types.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3025',
    severity: 'warning',
    title: 'Use the JSON (exec) form for CMD, ENTRYPOINT and HEALTHCHECK',
    rationale:
      'The shell form wraps the command in `/bin/sh -c`, so the shell becomes PID 1: signals such as SIGTERM ' +
      'do not reach the application, which then cannot shut down cleanly.',
    remediation: 'Write the command as a JSON array: `CMD ["nginx", "-g", "daemon off;"]`.',
    docsAnchor: 'dl3025',
    tags: ['hadolint'],
    examples: {
      bad: [
        { code: 'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n' },
        { code: 'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/\n' },
      ],
      good: [
        { code: 'FROM nginx:1.27\nCMD ["nginx", "-g", "daemon off;"]\nENTRYPOINT ["/docker-entrypoint.sh"]\n' },
        { code: 'FROM nginx:1.27\nHEALTHCHECK NONE\n' },
      ],
    },
  },
  check(model, context) {
    if (model.entriesOf('CMD').length + model.entriesOf('ENTRYPOINT').length + model.entriesOf('HEALTHCHECK').length === 0) return;
    for (let entryIndex = 0; entryIndex < model.entries.length; entryIndex++) {
      const entry = model.entries[entryIndex]!;
      const instruction = entry.instruction;
      if (entry.onbuild) continue;
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT' && instruction.keyword !== 'HEALTHCHECK') {
        continue;
      }
      const command = instruction.command;
      if (command === null || command.form !== 'shell') continue;
      const what = instruction.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : instruction.keyword;
      context.report(
        instruction,
        `${what} uses the shell form, so /bin/sh becomes PID 1 and swallows signals; use the JSON array form`,
        command.span,
      );
    }
  },
};
