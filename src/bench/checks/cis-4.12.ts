import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, MANUAL_IMAGE_EXAMPLES, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.12',
    slug: 'image-signed-artifacts',
    title: 'Ensure all signed artifacts are validated',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Signatures on images and build inputs prove where they come from, but only if someone validates them before use.',
    remediation: 'Sign images (Notary, cosign) and validate signatures before running them, e.g. with an admission policy or content trust.',
    checkExamples: MANUAL_IMAGE_EXAMPLES,
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const digests = image.RepoDigests ?? [];
      return item('', 'MANUAL', 'confirm the image signature was validated before use', digests.length > 0 ? `pulled by digest: ${digests.join(', ')}` : 'no repo digest (built or imported locally)', [imageEvidence(image, 'RepoDigests')]);
    }),
};
