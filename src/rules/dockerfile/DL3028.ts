import type { ShellCommand, ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { hasArg, isFlagWord, listNames, NO_WORDS, reportUnpinnedPackages } from './util/rules-a.js';
import { runsCommand } from './util/command-names.js';

/** gem install options whose value is the next word (so that word is not a gem name). */
const VALUE_OPTIONS = new Set([
  '--platform', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-p', '--http-proxy', '-P',
  '--trust-policy', '-g', '--file', '--build-root', '--target-rbconfig', '--config-file',
]);

/** gem install options known to take no value: the word after them is still a gem name. */
const SWITCH_OPTIONS = new Set([
  '-N', '--no-document', '--document', '-f', '--force', '--no-force', '-w', '--wrappers', '--no-wrappers',
  '--format-executable', '--no-format-executable', '--user-install', '--no-user-install', '--development',
  '--development-all', '--conservative', '--minimal-deps', '--post-install-message', '--no-post-install-message',
  '-E', '--env-shebang', '--no-env-shebang', '--lock', '--no-lock', '--suggestions', '--no-suggestions',
  '--default', '--explain', '--ignore-dependencies', '--prerelease', '--no-prerelease', '--pre', '-l', '--local',
  '-r', '--remote', '-b', '--both', '--clear-sources', '--no-http-proxy', '-u', '--update-sources',
  '--no-update-sources', '--silent', '--no-silent', '--vendor', '--no-vendor', '-V', '--verbose', '--no-verbose',
  '-q', '--quiet', '--backtrace', '--no-backtrace', '--debug', '--norc', '--no-ri', '--no-rdoc',
]);

/** `gem install` / `gem i` without a global `-v`/`--version`: the gem names before `--`. */
function gemNames(command: ShellCommand): readonly ShellWord[] {
  if (command.name !== 'gem' || !hasArg(command, 'install', 'i')) return NO_WORDS;
  if (hasArg(command, '-v', '--version') || command.args.some((arg) => arg.startsWith('--version='))) return NO_WORDS;
  const names: ShellWord[] = [];
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    // Everything after `--` goes to the extension build, not to gem.
    if (arg === '--') break;
    if (isFlagWord(arg)) {
      // Options that take a value hide the next word; so do options gem does not know (as Hadolint
      // does for every option), which are usually extension build flags missing their `--`.
      if (VALUE_OPTIONS.has(arg) || (!SWITCH_OPTIONS.has(arg) && !arg.includes('='))) i++;
      continue;
    }
    if (arg === 'install' || arg === 'i') continue;
    const word = command.words[i];
    if (word !== undefined) names.push(word);
  }
  return names;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3028',
    severity: 'warning',
    title: 'Pin versions in gem install',
    rationale:
      'An unpinned `gem install` takes the newest release at build time, so the image changes whenever a gem ' +
      'is published again.',
    remediation: 'Write `gem install rails:7.1.3` or `gem install rails -v 7.1.3`, or install from a Gemfile.lock with bundler.',
    docsAnchor: 'dl3028',
    tags: ['hadolint', 'onbuild', 'supply-chain'],
    examples: {
      bad: [
        { code: 'FROM ruby:3.3\nRUN gem install bundler\n' },
        {
          code: 'FROM ruby:3.3\nRUN gem install --no-document rails\n',
          note: 'Options without a value do not hide the gem that follows them.',
        },
      ],
      good: [
        { code: 'FROM ruby:3.3\nRUN gem install bundler:2.5.11 rake:13.2.1\n' },
        { code: 'FROM ruby:3.3\nRUN gem install rails -v 7.1.3 -- --with-cflags=-O2\n' },
      ],
    },
  },
  check(model, context) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'gem')) return;
    reportUnpinnedPackages(model, context, {
      commandName: 'gem',
      packages: gemNames,
      isPinned: (word) => word.value.includes(':'),
      message: (names) => `gem install without a version for ${listNames(names)}; pin it like '${names[0]}:<version>'`,
    });
  },
};
