import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, MANUAL_IMAGE_EXAMPLES, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.2',
    slug: 'image-trusted-base',
    title: 'Ensure that containers use only trusted base images',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'Images from unknown sources may carry malware, backdoors or unpatched software. Where an image comes from needs a person\'s judgement.',
    remediation: 'Build from base images you trust (official or internally maintained), pin them by digest, and record the base with the `org.opencontainers.image.base.name` label.',
    checkExamples: MANUAL_IMAGE_EXAMPLES,
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const base = image.Config?.Labels?.['org.opencontainers.image.base.name'];
      const digests = (image.RepoDigests ?? []).length;
      const detail = [base ? `base ${base}` : 'base image not labelled', digests > 0 ? `${digests} repo digest(s)` : 'no repo digest'].join('; ');
      return item('', 'MANUAL', 'confirm the image and its base come from a trusted source', detail, [imageEvidence(image, 'RepoDigests')]);
    }),
};
