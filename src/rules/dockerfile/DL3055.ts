import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';
import { isGitHash } from './util/validators.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3055',
    severity: 'warning',
    title: 'Use a git commit hash in hash-typed labels',
    rationale:
      'The label schema declares this label as a git revision. Tools that link an image to its source expect a 7- or 40-character lower-case hexadecimal commit hash.',
    remediation: 'Put the commit id there, e.g. `--label org.opencontainers.image.revision=$(git rev-parse HEAD)` or a build ARG.',
    docsAnchor: 'dl3055',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.revision="main"\n', config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.revision="ABCDEF1"\n', config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } } },
      ],
      good: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.revision="4b825dc"\n', config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.revision="4b825dc642cb6eb9a060e54bf8d69288fbee4904"\n', config: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } } },
      ],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, ['hash'], isGitHash, (pair) => `label '${pair.key}' should be a short (7) or full (40) lower-case git hash, but is '${pair.value}'`);
  },
};
