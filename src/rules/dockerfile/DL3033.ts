import type { DockerfileRule } from './types.js';
import { anchorOf, cmdHasAnyArg, listWords, nonFlagWords, runEntries } from './util/rules-b.js';
import { rpmPackagePinned } from './util/rpm-pin.js';
import type { ShellWord } from '../../shell/types.js';
import { runsCommand } from './util/command-names.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3033',
    severity: 'warning',
    title: 'Pin package versions in yum install',
    rationale:
      'Unpinned packages install whatever the repository serves on the day of the build, so two builds of the same Dockerfile can differ and break without any change to the file.',
    remediation:
      'Write each package as `name-version` (e.g. `httpd-2.4.6`), install a `.rpm` file, for `yum module install` give a stream (`nodejs:18`).',
    docsAnchor: 'dl3033',
    tags: ['hadolint', 'onbuild', 'yum', 'pinning'],
    examples: {
      bad: [
        { code: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
        { code: 'FROM centos:7\nRUN yum install -y python3-devel && yum clean all\n', note: 'a dash inside the name is not a version' },
        { code: 'FROM centos:8\nRUN yum module install -y nodejs && yum clean all\n' },
      ],
      good: [
        { code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n' },
        { code: 'FROM centos:7\nARG HTTPD_VERSION=2.4.6\nRUN yum install -y httpd-${HTTPD_VERSION} && yum clean all\n' },
        { code: 'FROM centos:8\nRUN yum module install -y nodejs:18 && yum clean all\n' },
      ],
    },
  },
  check(model, ctx) {
    // Nothing to check in a file whose RUNs never run the tool.
    if (!runsCommand(model, 'yum')) return;
    for (const { entry, commands } of runEntries(model)) {
      const bad: ShellWord[] = [];
      for (const cmd of commands) {
        if (!cmdHasAnyArg(cmd, 'yum', ['install'])) continue;
        const isModule = cmd.args.includes('module');
        for (const word of nonFlagWords(cmd)) {
          if (word.value === 'install' || word.value === 'module') continue;
          // A word with an expansion may hold anything (docs/compatibility.md, DL3033).
          if (word.value.includes('$')) continue;
          const pinned = isModule ? word.value.includes(':') : rpmPackagePinned(word.value);
          if (!pinned) bad.push(word);
        }
      }
      if (bad.length === 0) continue;
      ctx.report(
        anchorOf(entry),
        `yum installs ${listWords(bad.map((w) => w.value))} without a pinned version`,
        bad[0]?.span,
      );
    }
  },
};
