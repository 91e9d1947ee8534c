import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, listWords, nonFlagWords, runEntries } from './util/rules-b.js';
import { rpmPackagePinned } from './util/rpm-pin.js';
import type { ShellWord } from '../../shell/types.js';
import { runsAnyCommand } from './util/command-names.js';

const TOOLS = ['dnf', 'microdnf'];

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3041',
    severity: 'warning',
    title: 'Pin package versions in dnf install',
    rationale:
      'Unpinned packages install whatever the repository serves on the day of the build, so the same Dockerfile can produce different images.',
    remediation:
      'Write each package as `name-version` (e.g. `httpd-2.4.58`), install a `.rpm` file, for `dnf module install` name a stream (`nodejs:20`).',
    docsAnchor: 'dl3041',
    tags: ['hadolint', 'onbuild', 'dnf', 'pinning'],
    examples: {
      bad: [
        { code: 'FROM fedora:39\nRUN dnf install -y httpd && dnf clean all\n' },
        { code: 'FROM fedora:39\nRUN dnf module install -y nodejs && dnf clean all\n' },
      ],
      good: [
        { code: 'FROM fedora:39\nRUN dnf install -y httpd-2.4.58 && dnf clean all\n' },
        { code: 'FROM fedora:39\nENV NODE_STREAM=20\nRUN dnf module install -y nodejs:${NODE_STREAM} && dnf clean all\n' },
        { code: 'FROM fedora:39\nRUN dnf group install -y "Development Tools" && dnf clean all\n', note: 'groups have no versions' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsAnyCommand(model, TOOLS)) return;
    for (const { entry, commands } of runEntries(model)) {
      const bad: ShellWord[] = [];
      for (const cmd of commands) {
        if (!cmdHasAnyArg(cmd, TOOLS, ['install'])) continue;
        const isModule = cmd.args.includes('module');
        // Groups are named collections without versions; Hadolint skips them.
        if (!isModule && cmd.args.includes('group')) continue;
        for (const word of nonFlagWords(cmd)) {
          if (word.value === 'install' || word.value === 'module') continue;
          // A word with an expansion may hold anything (docs/compatibility.md, DL3041).
          if (word.value.includes('$')) continue;
          const pinned = isModule ? word.value.includes(':') : rpmPackagePinned(word.value);
          if (!pinned) bad.push(word);
        }
      }
      if (bad.length === 0) continue;
      ctx.report(anchorOf(entry), `dnf installs ${listWords(bad.map((w) => w.value))} without a pinned version`, bad[0]?.span);
    }
  },
};
