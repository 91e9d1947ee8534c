import type { ShellWord } from '../../shell/types.js';
import type { DockerfileRule } from './types.js';
import { findOption, runCommandsToScan } from './util/dsc.js';

const RPM_MANAGERS = new Set(['yum', 'dnf', 'microdnf', 'tdnf', 'zypper']);
/** `gpgcheck=0`, `repo_gpgcheck=false`, `--setopt=*.gpgcheck=0`, in any command's words (echo, sed, tee, --setopt). */
const GPGCHECK_OFF = /(^|[^A-Za-z0-9_]|\\n)(local(pkg)?_|repo_)?gpgcheck\s*=\s*(0|false|no|off)\b/i;

function turnsGpgcheckOff(word: ShellWord): boolean {
  return word.value.includes('=') && GPGCHECK_OFF.test(word.value);
}

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5006',
    severity: 'warning',
    title: 'Do not turn off GPG checks in yum/dnf',
    rationale:
      '`--nogpgcheck` (and `gpgcheck=0` in a .repo file or `--setopt`) makes yum, dnf, microdnf and tdnf ' +
      '(and zypper with `--no-gpg-checks`) install packages without verifying their signatures: a tampered ' +
      'mirror or a man-in-the-middle can inject code into the image.',
    remediation:
      'Import the repository key (`rpm --import https://.../RPM-GPG-KEY`) or set `gpgkey=` in the .repo file ' +
      'and keep `gpgcheck=1`.',
    docsAnchor: 'dsc5006',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM rockylinux:9\nRUN dnf install -y --nogpgcheck https://example.com/tool.rpm\n' },
        { code: 'FROM rockylinux:9\nRUN sed -i "s/gpgcheck=1/gpgcheck=0/" /etc/yum.repos.d/internal.repo\n' },
        { code: 'FROM centos:7\nRUN printf "[internal]\\nbaseurl=http://repo.internal/\\ngpgcheck=0\\n" > /etc/yum.repos.d/internal.repo\n' },
      ],
      good: [
        { code: 'FROM rockylinux:9\nRUN rpm --import https://repo.internal/RPM-GPG-KEY && dnf install -y tool-1.2.3\n' },
        { code: 'FROM rockylinux:9\nRUN echo "gpgcheck=1" >> /etc/yum.repos.d/internal.repo\n' },
      ],
    },
  },
  check(model, context) {
    // The tool's own commands, and any command with a word that may write a setting.
    const commands = runCommandsToScan(model, RPM_MANAGERS);
    for (let i = 0; i < commands.length; i++) {
      const { run, cmd, settingWords } = commands[i]!;
      if (RPM_MANAGERS.has(cmd.name)) {
        const word = findOption(cmd, cmd.name === 'zypper' ? ['no-gpg-checks', 'no-gpg-check'] : ['nogpgcheck']);
        if (word !== undefined) {
          context.report(run.anchor, `${cmd.name} ${word.value} installs packages without verifying their signatures`, word.span);
          continue;
        }
      }
      // Only words holding `=` can: the command's setting words.
      const word = settingWords.find(turnsGpgcheckOff);
      if (word !== undefined) context.report(run.anchor, `'${word.value.trim()}' turns off package signature checks for a repository`, word.span);
    }
  },
};
