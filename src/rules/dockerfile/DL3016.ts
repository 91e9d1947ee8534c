import type { ShellCommand, ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { hasArg, listNames, NO_WORDS, operands, reportUnpinnedPackages } from './util/rules-a.js';
import { runsCommand } from './util/command-names.js';

const GIT_PREFIXES = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const TARBALL_SUFFIXES = ['.tar', '.tar.gz', '.tgz'];
const PATH_PREFIXES = ['/', './', '../', '~/'];

/** `name@version`, `@scope/name@version`, a git URL with `#ref`, a tarball, or a local folder. */
function isPinned(spec: string): boolean {
  if (GIT_PREFIXES.some((prefix) => spec.startsWith(prefix))) return spec.includes('#');
  if (TARBALL_SUFFIXES.some((suffix) => spec.endsWith(suffix))) return true;
  if (PATH_PREFIXES.some((prefix) => spec.startsWith(prefix))) return true;
  const unscoped = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  return unscoped.includes('@');
}

/** Only `npm install ...` with `install` as the first operand (not `npm i`, `npm ci`). */
function installedPackages(command: ShellCommand): ShellWord[] | undefined {
  if (command.name !== 'npm' || !hasArg(command, 'install')) return undefined;
  const words = operands(command, ['loglevel', 'registry']);
  if (words[0]?.value !== 'install') return undefined;
  return words.slice(1).filter((word) => word.value !== 'install');
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3016',
    severity: 'warning',
    title: 'Pin versions in npm install',
    rationale:
      'Installing an npm package by bare name takes the newest release at build time, so the image changes ' +
      'whenever the package is published again.',
    remediation:
      'Pin each package (`npm install express@4.19.2`), a git ref (`git+https://...#v1.2.0`), or install the ' +
      'project dependencies from the lock file with `npm ci`.',
    docsAnchor: 'dl3016',
    tags: ['hadolint', 'onbuild', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM node:20\nRUN npm install -g typescript\n' },
        { code: 'FROM node:20\nRUN npm install @angular/cli git+https://github.com/org/lib.git\n' },
      ],
      good: [
        { code: 'FROM node:20\nRUN npm install -g typescript@5.4.5 @angular/cli@17.3.0\n' },
        { code: 'FROM node:20\nRUN npm ci && npm install ./local-pkg\n' },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'npm')) return;
    reportUnpinnedPackages(model, context, {
      commandName: 'npm',
      packages: (command) => installedPackages(command) ?? NO_WORDS,
      isPinned: (word) => isPinned(word.value),
      message: (names) => `npm install without a version for ${listNames(names)}; pin it like '${names[0]}@<version>'`,
    });
  },
};
