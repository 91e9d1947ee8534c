import type { DockerfileRule } from './types.js';
import { envSettings } from './util/dsc.js';

/** The variables this rule looks for among the file's settings (one set, not one per file). */
const WANTED_ENV: ReadonlySet<string> = new Set(['PYTHONHTTPSVERIFY']);

export const rule: DockerfileRule = {
  meta: {
    id: 'DSC5011',
    severity: 'warning',
    title: 'Do not set PYTHONHTTPSVERIFY=0',
    rationale:
      '`PYTHONHTTPSVERIFY=0` makes Python\'s standard library skip certificate verification for HTTPS (on ' +
      'distributions that honour it), so downloads during the build and connections of the application can be ' +
      'intercepted.',
    remediation:
      'Remove the variable. For a private CA, install it into the system trust store or point `SSL_CERT_FILE` ' +
      '(and `REQUESTS_CA_BUNDLE` for requests) at the bundle.',
    docsAnchor: 'dsc5011',
    tags: ['docksec', 'supply-chain', 'onbuild'],
    examples: {
      bad: [
        { code: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n' },
        { code: 'FROM python:3.12\nRUN export PYTHONHTTPSVERIFY=0 && python fetch.py\n' },
      ],
      good: [{ code: 'FROM python:3.12\nENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\n' }],
    },
  },
  check(model, context) {
    const settings = envSettings(model, WANTED_ENV);
    for (let s = 0; s < settings.length; s++) {
      const setting = settings[s]!;
      if (setting.value.trim() !== '0') continue;
      context.report(setting.anchor, `${setting.source} sets PYTHONHTTPSVERIFY=0, turning off HTTPS certificate checks in Python`, setting.span);
    }
  },
};
