import type { DockerfileRule } from './types.js';
import { findOption, runCommandsToScan } from './util/dsc.js';

const WGETRC_CHECK_OFF = /\bcheck_certificate\s*=\s*(off|no|false|0)\b/i;

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5002',
    severity: 'warning',
    title: 'Do not turn off TLS verification in wget',
    rationale:
      '`wget --no-check-certificate` (or `check_certificate = off` in a wgetrc) accepts any certificate, so ' +
      'a man-in-the-middle can replace what the build downloads.',
    remediation:
      'Remove the option. For a private CA, install it into the image or pass `--ca-certificate=/path/ca.pem`; ' +
      'check the download against a known checksum.',
    docsAnchor: 'dsc5002',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM alpine:3.20\nRUN wget --no-check-certificate -O /tmp/x.tgz https://example.com/x.tgz\n' },
        { code: 'FROM alpine:3.20\nRUN echo "check_certificate = off" >> /etc/wgetrc\n' },
      ],
      good: [{ code: 'FROM alpine:3.20\nRUN wget -q -O /tmp/x.tgz https://example.com/x.tgz\n' }],
    },
  },
  check(model, context) {
    // The tool's own commands, and any command with a word that may write a setting.
    const commands = runCommandsToScan(model, ['wget']);
    for (let i = 0; i < commands.length; i++) {
      const { run, cmd, settingWords } = commands[i]!;
      if (cmd.name === 'wget') {
        const word = findOption(cmd, ['no-check-certificate']);
        if (word !== undefined) context.report(run.anchor, 'wget --no-check-certificate disables TLS certificate verification', word.span);
        continue;
      }
      // Writing the setting into a wgetrc (`echo check_certificate=off >> ~/.wgetrc`).
      for (let w = 0; w < settingWords.length; w++) {
        const word = settingWords[w]!;
        if (word.value.includes('=') && WGETRC_CHECK_OFF.test(word.value)) {
          context.report(run.anchor, 'This writes check_certificate=off into a wgetrc, disabling TLS verification for wget', word.span);
          break;
        }
      }
    }
  },
};
