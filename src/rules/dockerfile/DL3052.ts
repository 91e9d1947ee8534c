import type { DockerfileRule } from './types.js';
import { checkLabelValues } from './util/labels.js';
import { isUri } from './util/validators.js';

export const rule: DockerfileRule = {
  meta: {
    id: 'DL3052',
    severity: 'warning',
    title: 'Use absolute URLs in url-typed labels',
    rationale:
      'The label schema declares this label as a URL. Tools that read it (registries, scanners, dashboards) expect an absolute RFC 3986 URI with a scheme.',
    remediation: 'Write the full URL including its scheme, e.g. `https://github.com/org/repo`.',
    docsAnchor: 'dl3052',
    tags: ['hadolint', 'labels'],
    examples: {
      bad: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.source="github.com/org/repo"\n', config: { labelSchema: { 'org.opencontainers.image.source': 'url' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.source="https://exa mple.com/"\n', config: { labelSchema: { 'org.opencontainers.image.source': 'url' } } },
      ],
      good: [
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/org/repo"\n', config: { labelSchema: { 'org.opencontainers.image.source': 'url' } } },
        { code: 'FROM debian:12\nLABEL org.opencontainers.image.source="ssh://git@example.com:22/org/repo.git#main"\n', config: { labelSchema: { 'org.opencontainers.image.source': 'url' } } },
      ],
    },
  },
  check(model, ctx) {
    checkLabelValues(model, ctx, ['url'], isUri, (pair) => `label '${pair.key}' should be an absolute URL (with a scheme), but is '${pair.value}'`);
  },
};
