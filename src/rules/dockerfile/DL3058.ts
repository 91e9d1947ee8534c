import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';
import { isEmail } from './util/validators.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3058',
    severity: 'warning',
    title: 'Use an e-mail address in email-typed labels',
    rationale:
      'The label schema declares this label as a contact address. People and tools reading it expect a valid RFC 5322 address.',
    remediation: 'Write a plain address such as `team@example.com` (no display name).',
    docsAnchor: 'dl3058',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL maintainer="Jane Doe <jane@example.com>"\n', config: { labelSchema: { 'maintainer': 'email' } } },
        { code: 'FROM debian:12\nLABEL maintainer="jane.example.com"\n', config: { labelSchema: { 'maintainer': 'email' } } },
      ],
      good: [
        { code: 'FROM debian:12\nLABEL maintainer="jane@example.com"\n', config: { labelSchema: { 'maintainer': 'email' } } },
        { code: 'FROM debian:12\nLABEL maintainer="\\"jane doe\\"@example.com"\n', config: { labelSchema: { 'maintainer': 'email' } } },
      ],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, ['email'], isEmail, (pair) => `label '${pair.key}' should be an e-mail address such as team@example.com, but is '${pair.value}'`);
  },
};
