import type { ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { hasArg, listNames, NO_WORDS, operands, reportUnpinnedPackages } from './util/rules-a.js';
import { runsCommand } from './util/command-names.js';

/** `pkg=1.2`, a release pin `pkg/bookworm-backports`, or a local `.deb` file. */
function isPinned(word: ShellWord): boolean {
  return word.value.includes('=') || word.value.includes('/') || word.value.endsWith('.deb');
}

/** apt-get options whose value is a separate word (not a package). */
const VALUE_FLAGS = ['t', 'target-release'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3008',
    severity: 'warning',
    title: 'Pin versions in apt-get install',
    rationale:
      'Without a version, apt-get installs whatever the mirror offers on the day of the build, so rebuilds of ' +
      'the same Dockerfile can differ and break. Pinning makes the build repeatable and changes deliberate.',
    remediation: 'Write `apt-get install -y curl=7.88.1-10+deb12u8` (check versions with `apt-cache policy curl`).',
    docsAnchor: 'dl3008',
    tags: ['hadolint', 'onbuild', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n' },
        { code: 'FROM debian:12\nONBUILD RUN apt-get install -y -t bookworm-backports git\n' },
      ],
      good: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8\n' },
        {
          code: 'FROM debian:12\nRUN apt-get install -y ./tool.deb git/bookworm-backports "${EXTRA_PACKAGES}"\n',
          note: 'Local .deb files and release pins count as pinned; a variable cannot be judged.',
        },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'apt-get')) return;
    reportUnpinnedPackages(model, context, {
      commandName: 'apt-get',
      packages: (command) =>
        command.name === 'apt-get' && hasArg(command, 'install')
          ? operands(command, VALUE_FLAGS).filter((word) => word.value !== 'install')
          : NO_WORDS,
      isPinned,
      message: (names) => `apt-get install without a version for ${listNames(names)}; pin it like '${names[0]}=<version>'`,
    });
  },
};
