import type { DockerfileRule } from './types.js';
import { hasArg, hasFlag } from './util/rules-a.js';
import { firstPerRun } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3015',
    severity: 'info',
    title: 'Avoid additional packages with --no-install-recommends',
    rationale:
      'By default apt-get also installs recommended packages, which adds size, build time and attack surface ' +
      'for software the image never uses.',
    remediation: 'Add `--no-install-recommends` to `apt-get install` and list what you really need.',
    docsAnchor: 'dl3015',
    tags: ['hadolint', 'onbuild', 'image-size'],
    examples: {
      bad: [{ code: 'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n' }],
      good: [
        { code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10\n' },
        { code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl=7.88.1-10\n' },
      ],
    },
  },
  check(model, context) {
    // Only apt-get's commands are visited (most files have none); one finding per RUN.
    const found = firstPerRun(
      model,
      'apt-get',
      true,
      (command) =>
        hasArg(command, 'install') &&
        !hasFlag(command, 'no-install-recommends') &&
        !hasArg(command, 'APT::Install-Recommends=false'),
    );
    for (let i = 0; i < found.length; i++) {
      const { run, command: offender } = found[i]!;
      context.report(
        run.anchor,
        "apt-get install also pulls in recommended packages; add '--no-install-recommends'",
        offender.span,
      );
    }
  },
};
