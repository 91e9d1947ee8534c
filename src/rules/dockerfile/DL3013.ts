import type { ShellCommand, ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { hasArg, hasFlag, listNames, NO_WORDS, operands, reportUnpinnedPackages } from './util/rules-a.js';
import { runsPipOrPython } from './util/command-names.js';

/** pip options whose value is the next word (`-i URL`, `--target DIR`): that word is not a package. */
const VALUE_OPTIONS = [
  'abi', 'b', 'build', 'e', 'editable', 'extra-index-url', 'f', 'find-links', 'i', 'index-url', 'implementation',
  'no-binary', 'only-binary', 'platform', 'prefix', 'progress-bar', 'proxy', 'python-version', 'root', 'src', 't',
  'target', 'trusted-host', 'upgrade-strategy',
];

const VERSION_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];

/** Version-control URL schemes pip understands (bare `git`/`svn` prefixes included, as Hadolint has them). */
const VCS_PREFIXES = [
  'git+file', 'git+https', 'git+ssh', 'git+http', 'git+git', 'git', 'hg+file', 'hg+http', 'hg+https', 'hg+ssh',
  'hg+static-http', 'svn', 'svn+svn', 'svn+http', 'svn+https', 'svn+ssh', 'bzr+http', 'bzr+https', 'bzr+ssh',
  'bzr+sftp', 'bzr+ftp', 'bzr+lp',
];

function isPipInstall(command: ShellCommand): boolean {
  if (command.name.startsWith('pip') && !command.name.startsWith('pipenv')) return hasArg(command, 'install');
  if (!command.name.startsWith('python')) return false;
  const args = command.args;
  return args.some((arg, i) => arg === '-m' && args[i + 1] === 'pip' && args[i + 2] === 'install');
}

/** Installs from a requirements file or the local project are out of scope (pinned elsewhere). */
function installsFromFileOrProject(command: ShellCommand): boolean {
  return hasFlag(command, 'c', 'constraint') || hasArg(command, '-r', '--requirement', '.');
}

function isPinned(spec: string): boolean {
  const vcs = VCS_PREFIXES.some((prefix) => spec.startsWith(prefix));
  if (VERSION_OPERATORS.some((op) => spec.includes(op))) return true;
  if (vcs) return spec.includes('@');
  return spec.endsWith('.whl') || spec.endsWith('.tar.gz') || spec.includes('/');
}

/** The package words: operands after the first `install`. */
function packages(command: ShellCommand): ShellWord[] {
  const words = operands(command, VALUE_OPTIONS);
  const start = words.findIndex((word) => word.value === 'install');
  if (start === -1) return [];
  return words.slice(start + 1).filter((word) => word.value !== 'install');
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3013',
    severity: 'warning',
    title: 'Pin versions in pip install',
    rationale:
      'An unpinned `pip install` resolves to the newest release at build time, so an upstream release can break ' +
      'or change the image without any change to the Dockerfile.',
    remediation:
      'Pin each package (`pip install requests==2.32.3`), or install from a locked requirements file ' +
      '(`pip install -r requirements.txt`) or with a constraints file (`-c constraints.txt`).',
    docsAnchor: 'dl3013',
    tags: ['hadolint', 'onbuild', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM python:3.12\nRUN pip install requests\n' },
        { code: 'FROM python:3.12\nRUN python3 -m pip install --index-url https://pypi.example.com/simple flask\n' },
      ],
      good: [
        { code: 'FROM python:3.12\nRUN pip install requests==2.32.3 "urllib3>=2,<3"\n' },
        { code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n' },
        { code: 'FROM python:3.12\nRUN pip install git+https://github.com/org/lib.git@v1.2.0 ./dist/app.whl\n' },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsPipOrPython(model)) return;
    reportUnpinnedPackages(model, context, {
      packages: (command) => (isPipInstall(command) && !installsFromFileOrProject(command) ? packages(command) : NO_WORDS),
      isPinned: (word) => isPinned(word.value),
      message: (names) =>
        `pip install without a version for ${listNames(names)}; pin it like '${names[0]}==<version>' or use a requirements file`,
    });
  },
};
