import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';
import { isRfc3339 } from './util/validators.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3053',
    severity: 'warning',
    title: 'Use RFC 3339 timestamps in rfc3339-typed labels',
    rationale:
      'The label schema declares this label as a timestamp. Consumers parse it as RFC 3339; other date formats are ambiguous or unreadable for them.',
    remediation: 'Write the time as `YYYY-MM-DDTHH:MM:SSZ` or with an offset, e.g. `2024-05-01T12:30:00+02:00`.',
    docsAnchor: 'dl3053',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01"\n', config: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-02-30T10:00:00Z"\n', config: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } } },
      ],
      good: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T12:30:00Z"\n', config: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-02-29T23:59:59.123+02:00"\n', config: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } } },
      ],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, ['rfc3339'], isRfc3339, (pair) => `label '${pair.key}' should be an RFC 3339 timestamp such as 2024-05-01T12:30:00Z, but is '${pair.value}'`);
  },
};
