import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, MANUAL_IMAGE_EXAMPLES, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.4',
    slug: 'image-scanned-rebuilt',
    title: 'Ensure images are scanned and rebuilt to include security patches',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Images freeze the packages of their build day; without regular scanning and rebuilding they accumulate known vulnerabilities.',
    remediation: 'Scan images regularly with a vulnerability scanner and rebuild them (with `--pull --no-cache`) when fixes are released.',
    checkExamples: MANUAL_IMAGE_EXAMPLES,
  }),
  evaluate: (context) =>
    perImage(context, (image) =>
      item('', 'MANUAL', 'confirm the image is scanned and rebuilt with current patches', image.Created ? `created ${image.Created}` : 'creation date unknown', [imageEvidence(image, 'Created')])),
};
