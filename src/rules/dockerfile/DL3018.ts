import type { DockerfileRule } from './types.js';
import { hasArg, listNames, NO_WORDS, operands, reportUnpinnedPackages } from './util/rules-a.js';
import { runsCommand } from './util/command-names.js';

/** `pkg=1.2`, `pkg~1.2`, `pkg>1.2`, `pkg<2`, or a local `.apk` file. */
function isPinned(spec: string): boolean {
  return /[=~<>]/.test(spec) || spec.endsWith('.apk');
}

/** apk options whose value is a separate word (not a package). */
const VALUE_FLAGS = ['t', 'virtual', 'repository', 'X'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3018',
    severity: 'warning',
    title: 'Pin versions in apk add',
    rationale:
      'Without a version, apk installs the newest package in the repository at build time, so rebuilds can ' +
      'differ and break without any change to the Dockerfile.',
    remediation: 'Write `apk add --no-cache curl=8.9.1-r2` (or a range such as `curl~8.9`).',
    docsAnchor: 'dl3018',
    tags: ['hadolint', 'onbuild', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 make\n' },
      ],
      good: [
        { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2 "git>2.40" ./local.apk\n' },
        {
          code: 'FROM alpine:3.20\nRUN apk add --no-cache -t .deps --repository https://dl-cdn.alpinelinux.org/alpine/edge/main gcc~13\n',
          note: 'Values of -t/--virtual and --repository/-X are not packages.',
        },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'apk')) return;
    reportUnpinnedPackages(model, context, {
      commandName: 'apk',
      packages: (command) =>
        command.name === 'apk' && hasArg(command, 'add')
          ? operands(command, VALUE_FLAGS).filter((word) => word.value !== 'add')
          : NO_WORDS,
      isPinned: (word) => isPinned(word.value),
      message: (names) => `apk add without a version for ${listNames(names)}; pin it like '${names[0]}=<version>'`,
    });
  },
};
