import type { DockerfileRule } from './types.js';
import { listNames, runSteps } from './util/rules-a.js';
import { runsAnyCommand } from './util/command-names.js';

/** Interactive or host-management tools that do nothing useful while an image is being built. */
const POINTLESS_NAMES = ['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim'];
const POINTLESS = new Set(POINTLESS_NAMES);

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3001',
    severity: 'info',
    title: 'Avoid commands that make no sense during a build',
    rationale:
      'A build step runs in a throw-away container without a terminal, init system or running services, so ' +
      'tools such as ssh, vim, top, ps, service or shutdown either hang, fail, or change nothing in the image.',
    remediation:
      'Remove the command. Start services from CMD/ENTRYPOINT, fetch sources with COPY or a build context, and ' +
      'inspect processes in the running container instead.',
    docsAnchor: 'dl3001',
    tags: ['hadolint', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN service nginx start\n' },
        { code: 'FROM debian:12\nRUN ps aux | grep nginx\n' },
      ],
      good: [{ code: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n' }],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsAnyCommand(model, POINTLESS_NAMES)) return;
    for (const step of runSteps(model, true)) {
      const found = step.commands.filter((command) => POINTLESS.has(command.name));
      if (found.length === 0) continue;
      const names = [...new Set(found.map((command) => command.name))];
      context.report(
        step.anchor,
        `${listNames(names)} ${names.length === 1 ? 'has' : 'have'} no useful effect during an image build`,
        found[0]!.span,
      );
    }
  },
};
