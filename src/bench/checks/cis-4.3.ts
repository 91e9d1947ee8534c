import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, MANUAL_IMAGE_EXAMPLES, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.3',
    slug: 'image-minimal-packages',
    title: 'Ensure that unnecessary packages are not installed in the container',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Every package in an image is attack surface and something to patch. Whether a package is needed depends on the application.',
    remediation: 'Start from minimal bases (distroless, alpine, slim variants), use multi-stage builds, and install only what the application needs.',
    checkExamples: MANUAL_IMAGE_EXAMPLES,
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const size = typeof image.Size === 'number' ? `${Math.round(image.Size / 1_048_576)} MiB` : 'size unknown';
      const layers = image.RootFS?.Layers?.length;
      return item('', 'MANUAL', 'review the packages installed in the image', `${size}; ${layers ?? '?'} layer(s)`, [imageEvidence(image, 'Size')]);
    }),
};
