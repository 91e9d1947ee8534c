import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3051',
    severity: 'warning',
    title: 'Do not leave schema labels empty',
    rationale: 'A label the schema requires carries no information when its value is empty; it only pretends to satisfy the schema.',
    remediation: 'Give the label a real value, for example from a build ARG.',
    docsAnchor: 'dl3051',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [{ code: 'FROM debian:12\nLABEL maintainer=""\n', config: { labelSchema: { maintainer: 'text' } } }],
      good: [{ code: 'FROM debian:12\nLABEL maintainer="team@example.com"\n', config: { labelSchema: { maintainer: 'text' } } }],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, 'any', (value) => value !== '', (pair) => `label '${pair.key}' is in the label schema but its value is empty`);
  },
};
