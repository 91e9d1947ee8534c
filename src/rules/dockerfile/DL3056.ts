import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';
import { isSemver } from './util/validators.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3056',
    severity: 'warning',
    title: 'Use semantic versions in semver-typed labels',
    rationale:
      'The label schema declares this label as a semantic version. Consumers compare it by SemVer 2.0 precedence, which only works for well-formed versions.',
    remediation: 'Write `MAJOR.MINOR.PATCH` with optional `-prerelease` and `+build`, without a leading `v` (e.g. `1.4.2-rc.1`).',
    docsAnchor: 'dl3056',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.version="v1.2.3"\n', config: { labelSchema: { 'org.opencontainers.image.version': 'semver' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.version="1.2"\n', config: { labelSchema: { 'org.opencontainers.image.version': 'semver' } } },
      ],
      good: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.version="1.2.3"\n', config: { labelSchema: { 'org.opencontainers.image.version': 'semver' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.version="2.0.0-rc.1+build.5"\n', config: { labelSchema: { 'org.opencontainers.image.version': 'semver' } } },
      ],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, ['semver'], isSemver, (pair) => `label '${pair.key}' should be a SemVer 2.0 version such as 1.2.3, but is '${pair.value}'`);
  },
};
