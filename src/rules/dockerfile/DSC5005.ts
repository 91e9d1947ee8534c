import type { ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { type EffectiveCommand, runCommandsToScan } from './util/dsc.js';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const INSECURE_FLAGS = ['allow-unauthenticated', 'allow-insecure-repositories', 'allow-downgrade-to-insecure-repositories', 'force-yes'];
/** apt configuration items that turn off signature or TLS checks, set to a true-ish (or false-ish) value. */
const INSECURE_OPTION =
  /(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories)\s*[= ]\s*"?(true|1|yes|on)\b|Acquire::https?(::[^:=\s]+)?::Verify-(Peer|Host)\s*[= ]\s*"?(false|0|no|off)\b/i;
const TRUSTED_YES = /\b(trusted|allow-insecure)\s*=\s*yes\b/gi;
/** TRUSTED_YES without the g flag: a test with no match objects, and no lastIndex state. */
const TRUSTED_YES_ANYWHERE = new RegExp(TRUSTED_YES.source, 'i');
/** `trusted=yes` / `allow-insecure=yes` inside the `[...]` options of a sources.list entry. */
function hasTrustedYes(text: string): boolean {
  // Linear scan (a bracket-spanning regex backtracks badly on text like `[[[[...`).
  // Cheap pre-check: most words have no `=` at all.
  if (!text.includes('=') || !TRUSTED_YES_ANYWHERE.test(text)) return false;
  for (const m of text.matchAll(TRUSTED_YES)) {
    // Nearest bracket before the match, without copying the text before it.
    if (m.index > 0 && text.lastIndexOf('[', m.index - 1) > text.lastIndexOf(']', m.index - 1)) return true;
  }
  return false;
}

interface Found {
  word: ShellWord;
  message: string;
}

/** The first insecure flag or `-o` option of an apt command. */
function aptOptionFinding(cmd: EffectiveCommand): Found | undefined {
  for (let i = 0; i < cmd.words.length; i++) {
    const v = cmd.words[i]!.value;
    // Only an option word (`-...`) can be either; most words are packages or subcommands.
    if (v.charCodeAt(0) !== 0x2d) continue;
    if (v === '--') break;
    const long = v.startsWith('--') ? v.slice(2).split('=')[0]! : '';
    if (INSECURE_FLAGS.includes(long)) return { word: cmd.words[i]!, message: `${cmd.name} ${v} installs packages without verifying their signatures` };
    // `-o Item=value`, `-oItem=value`, `--option Item=value`, `--option=Item=value`.
    let option: ShellWord | undefined;
    let value = '';
    if (v === '-o' || v === '--option') {
      option = cmd.words[i + 1];
      value = option?.value ?? '';
    } else if (v.startsWith('-o') && !v.startsWith('--')) {
      option = cmd.words[i];
      value = v.slice(2);
    } else if (v.startsWith('--option=')) {
      option = cmd.words[i];
      value = v.slice('--option='.length);
    }
    if (option !== undefined && INSECURE_OPTION.test(value)) return { word: option, message: `${cmd.name} -o ${value} turns off repository signature or TLS checks` };
  }
  return undefined;
}

/** Settings written into apt configuration or sources files by echo/printf/tee/sed (the command's setting words). */
function writtenSettingFinding(settingWords: readonly ShellWord[]): Found | undefined {
  for (let i = 0; i < settingWords.length; i++) {
    const word = settingWords[i]!;
    if (hasTrustedYes(word.value)) return { word, message: 'This writes an apt source marked [trusted=yes], so its packages are installed without signature checks' };
    if (word.value.includes('::') && INSECURE_OPTION.test(word.value)) return { word, message: 'This writes an apt setting that turns off repository signature or TLS checks' };
  }
  return undefined;
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5005',
    severity: 'warning',
    title: 'Do not install unauthenticated apt packages',
    rationale:
      '`--allow-unauthenticated`, `--allow-insecure-repositories`, `--force-yes`, `-o APT::Get::AllowUnauthenticated=true` ' +
      'and `[trusted=yes]` sources make apt accept packages whose repository signature is missing or wrong, ' +
      'so a tampered mirror or a man-in-the-middle can inject code into the image.',
    remediation:
      'Import the repository\'s signing key into `/etc/apt/keyrings/` and reference it with `signed-by=` in the ' +
      'source entry; then remove the option. Replace `--force-yes` with `-y` (plus `--allow-downgrades` etc. ' +
      'if really needed).',
    docsAnchor: 'dsc5005',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\n' },
        { code: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl\n' },
        { code: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.internal/debian bookworm main" > /etc/apt/sources.list.d/internal.list\n' },
      ],
      good: [
        {
          code:
            'FROM debian:12\nRUN echo "deb [signed-by=/etc/apt/keyrings/internal.gpg] https://repo.internal/debian bookworm main" > /etc/apt/sources.list.d/internal.list\n',
        },
        { code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n' },
      ],
    },
  },
  check(model, context) {
    // The tool's own commands, and any command with a word that may write a setting.
    const commands = runCommandsToScan(model, APT);
    for (let i = 0; i < commands.length; i++) {
      const { run, cmd, settingWords } = commands[i]!;
      // One finding per command: the first insecure word.
      const found = APT.has(cmd.name) ? aptOptionFinding(cmd) : writtenSettingFinding(settingWords);
      if (found !== undefined) context.report(run.anchor, found.message, found.word.span);
    }
  },
};
