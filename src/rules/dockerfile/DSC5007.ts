import type { ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { runCommandsToScan } from './util/dsc.js';

/** rpm options that skip signature or digest verification (`--nosig*` also covers older spellings). */
const NO_VERIFY = /^--(nosig[a-z]*|nodigest|nogpg|nopgp)$/;
const PKGVERIFY_OFF = /%?_pkgverify_level\s+(none|digest)\b/;

function lowersPkgverify(word: ShellWord): boolean {
  return word.value.includes('_pkgverify_level') && PKGVERIFY_OFF.test(word.value);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5007',
    severity: 'warning',
    title: 'Do not skip rpm signature and digest checks',
    rationale:
      '`rpm --nosignature`/`--nodigest` (or `%_pkgverify_level none`) install a package without checking ' +
      'that it was signed by a trusted key and arrived intact.',
    remediation:
      'Import the vendor key with `rpm --import KEY` and install without the options; for downloaded rpm files ' +
      'also verify a published checksum.',
    docsAnchor: 'dsc5007',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM rockylinux:9\nRUN rpm -ivh --nosignature /tmp/tool.rpm\n' },
        { code: 'FROM rockylinux:9\nRUN rpm -Uvh --nodigest --nosig https://example.com/tool.rpm\n' },
      ],
      good: [{ code: 'FROM rockylinux:9\nRUN rpm --import /tmp/RPM-GPG-KEY-tool && rpm -ivh /tmp/tool.rpm\n' }],
    },
  },
  check(model, context) {
    // The tool's own commands, and any command with a word that may write a setting.
    const commands = runCommandsToScan(model, ['rpm']);
    for (let i = 0; i < commands.length; i++) {
      const { run, cmd, settingWords } = commands[i]!;
      if (cmd.name === 'rpm') {
        const word = cmd.words.find((w) => NO_VERIFY.test(w.value));
        if (word !== undefined) {
          context.report(run.anchor, `rpm ${word.value} installs the package without verifying its signature or digest`, word.span);
          continue;
        }
      }
      // Only words holding `_pkgverify_level` can: the command's setting words.
      const macro = settingWords.find(lowersPkgverify);
      if (macro !== undefined) context.report(run.anchor, `'${macro.value.trim()}' lowers rpm's package verification`, macro.span);
    }
  },
};
