import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';
import { isSpdxId } from './util/validators.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3054',
    severity: 'warning',
    title: 'Use an SPDX license identifier in spdx-typed labels',
    rationale:
      'The label schema declares this label as a license. Compliance tooling matches it against SPDX license identifiers; free text or license expressions are not recognised.',
    remediation: 'Use a single SPDX identifier such as `MIT`, `Apache-2.0` or `GPL-3.0-only`.',
    docsAnchor: 'dl3054',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"\n', config: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache License 2.0"\n', config: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } } },
      ],
      good: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n', config: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.licenses="MIT"\n', config: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } } },
      ],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, ['spdx'], isSpdxId, (pair) => `label '${pair.key}' should be a single SPDX license identifier, but is '${pair.value}'`);
  },
};
