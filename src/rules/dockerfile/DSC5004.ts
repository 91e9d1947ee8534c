import type { DockerfileRule } from './types.js';
import { findOption, runCommandsNamed } from './util/dsc.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5004',
    severity: 'warning',
    title: 'Do not install unsigned Alpine packages',
    rationale:
      '`apk add --allow-untrusted` installs packages whose signature is missing or made with an unknown key: ' +
      'a tampered package is installed without complaint.',
    remediation:
      'Sign your own packages and install the public key into `/etc/apk/keys/` (`COPY mykey.rsa.pub /etc/apk/keys/`), ' +
      'then drop `--allow-untrusted`.',
    docsAnchor: 'dsc5004',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [{ code: 'FROM alpine:3.20\nCOPY app.apk /tmp/\nRUN apk add --no-cache --allow-untrusted /tmp/app.apk\n' }],
      good: [{ code: 'FROM alpine:3.20\nCOPY keys/builder.rsa.pub /etc/apk/keys/\nCOPY app.apk /tmp/\nRUN apk add --no-cache /tmp/app.apk\n' }],
    },
  },
  check(model, context) {
    const named = runCommandsNamed(model, 'apk');
    for (let n = 0; n < named.length; n++) {
      const { run, cmd } = named[n]!;
      const word = findOption(cmd, ['allow-untrusted']);
      if (word !== undefined) context.report(run.anchor, 'apk --allow-untrusted installs packages without checking their signature', word.span);
    }
  },
};
