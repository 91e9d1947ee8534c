import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { imageEvidence, imageExample, NO_IMAGES, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.6',
    slug: 'image-healthcheck',
    title: 'Ensure that HEALTHCHECK instructions have been added to container images',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'A health check lets the engine and orchestrators notice a container that runs but no longer works, and restart or replace it.',
    remediation: 'Add a `HEALTHCHECK CMD ...` instruction to the Dockerfile (or inherit one from the base image).',
    checkExamples: [
      { note: 'image with a healthcheck', snapshot: {}, expect: 'PASS' },
      { note: 'no healthcheck', snapshot: imageExample({ Config: { Healthcheck: null } }), expect: 'FAIL' },
      { note: 'HEALTHCHECK NONE', snapshot: imageExample({ Config: { Healthcheck: { Test: ['NONE'] } } }), expect: 'FAIL' },
      { note: 'no images', snapshot: NO_IMAGES, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const test = image.Config?.Healthcheck?.Test ?? [];
      const evidence = [imageEvidence(image, 'Config.Healthcheck.Test')];
      if (test.length > 0 && test[0] !== 'NONE') return item('', 'PASS', undefined, test.join(' '), evidence);
      return item('', 'FAIL', test[0] === 'NONE' ? 'HEALTHCHECK NONE disables the check' : 'no HEALTHCHECK', undefined, evidence);
    }),
};
