import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, MANUAL_IMAGE_EXAMPLES, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.8',
    slug: 'image-no-setuid-setgid',
    title: 'Ensure setuid and setgid permissions are removed',
    level: 2,
    scoring: 'N',
    automated: false,
    rationale: 'setuid and setgid binaries run with the privileges of their owner; in an image they are a ready path to root.',
    remediation: 'Strip the bits during the build, e.g. `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`, keeping only binaries that need them.',
    checkExamples: MANUAL_IMAGE_EXAMPLES,
  }),
  evaluate: (context) =>
    perImage(context, (image) =>
      item('', 'MANUAL', 'list setuid/setgid files in the image (`find / -xdev -perm /6000 -type f`) and remove the bits not needed', 'image file contents are not collected', [imageEvidence(image, 'Id')])),
};
