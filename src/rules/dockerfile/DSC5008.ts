import type { DockerfileRule } from './types.js';
import { envSettings } from './util/dsc.js';

const NAME = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** The variables this rule looks for among the file's settings (one set, not one per file). */
const WANTED_ENV: ReadonlySet<string> = new Set([NAME]);

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5008',
    severity: 'warning',
    title: 'Do not set NODE_TLS_REJECT_UNAUTHORIZED=0',
    rationale:
      'With `NODE_TLS_REJECT_UNAUTHORIZED=0` Node.js accepts any TLS certificate for every HTTPS connection: ' +
      'npm installs during the build and, when set with ENV, all outgoing connections of the application at ' +
      'run time can be intercepted.',
    remediation:
      'Remove the variable. For a private CA, add it with `NODE_EXTRA_CA_CERTS=/path/ca.pem` (or npm\'s `cafile`).',
    docsAnchor: 'dsc5008',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
        { code: 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n' },
        { code: 'FROM node:20\nARG NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n' },
      ],
      good: [
        { code: 'FROM node:20\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp.crt\n' },
        { code: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n' },
      ],
    },
  },
  check(model, context) {
    const settings = envSettings(model, WANTED_ENV);
    for (let s = 0; s < settings.length; s++) {
      const setting = settings[s]!;
      // Node treats exactly the string "0" as "do not verify".
      if (setting.value.trim() !== '0') continue;
      context.report(setting.anchor, `${setting.source} sets ${NAME}=0, turning off TLS certificate checks for Node.js`, setting.span);
    }
  },
};
