import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, listWords, nonFlagWords, runEntries } from './util/rules-b.js';
import type { ShellWord } from '../../shell/types.js';
import { runsCommand } from './util/command-names.js';

const pinned = (word: string): boolean => /[=<>]/.test(word) || word.endsWith('.rpm');

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3037',
    severity: 'warning',
    title: 'Pin package versions in zypper install',
    rationale:
      'Without a version, zypper installs whatever the repository has at build time, so rebuilding the same Dockerfile can produce a different image.',
    remediation: 'Give each package a version constraint: `httpd=2.4.51`, `httpd>=2.4`, or install a `.rpm` file.',
    docsAnchor: 'dl3037',
    tags: ['hadolint', 'onbuild', 'zypper', 'pinning'],
    examples: {
      bad: [{ code: 'FROM opensuse/leap:15.5\nRUN zypper -n install httpd && zypper clean\n' }],
      good: [
        { code: 'FROM opensuse/leap:15.5\nRUN zypper -n install httpd=2.4.51 "curl>=8" && zypper clean\n' },
        { code: 'FROM opensuse/leap:15.5\nRUN zypper -n in ./tools.rpm && zypper clean\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'zypper')) return;
    for (const { entry, commands } of runEntries(model)) {
      const bad: ShellWord[] = [];
      for (const cmd of commands) {
        if (!cmdHasAnyArg(cmd, 'zypper', ['install', 'in'])) continue;
        for (const word of nonFlagWords(cmd)) {
          // A word with an expansion may hold anything (docs/compatibility.md, DL3037).
          if (word.value.includes('$')) continue;
          if (word.value !== 'install' && word.value !== 'in' && !pinned(word.value)) bad.push(word);
        }
      }
      if (bad.length === 0) continue;
      ctx.report(anchorOf(entry), `zypper installs ${listWords(bad.map((w) => w.value))} without a version constraint`, bad[0]?.span);
    }
  },
};
