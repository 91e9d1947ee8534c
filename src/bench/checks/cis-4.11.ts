import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { historyExample, historyOf, imageEvidence, instructionOf, NO_IMAGES, perImage } from './images-common.js';

const UNVERIFIED = [/--allow-unauthenticated/, /--nogpgcheck/, /--no-check-certificate/, /gpgcheck\s*=\s*0/, /(curl|wget)\b[^|]*\|\s*(sh|bash)\b/, /--trusted-host/, /\[trusted=yes\]/];

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.11',
    slug: 'image-verified-packages',
    title: 'Ensure only verified packages are installed',
    level: 2,
    scoring: 'N',
    automated: false,
    rationale: 'Packages installed without signature or checksum verification can be replaced in transit or at the source without anyone noticing.',
    remediation: 'Keep package manager signature checks on, verify downloads with checksums or signatures, and never pipe downloads into a shell.',
    checkExamples: [
      { note: 'RUN lines reviewed', snapshot: historyExample(['RUN /bin/sh -c apt-get install -y --allow-unauthenticated curl # buildkit']), expect: 'MANUAL' },
      { note: 'no images', snapshot: NO_IMAGES, expect: 'NOT_APPLICABLE' },
    ],
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const history = historyOf(context, image);
      const evidence = [imageEvidence(image, 'history')];
      if (!history.ok) return item('', 'MANUAL', `confirm packages are verified (${history.reason})`, undefined, evidence);
      const hints = history.entries
        .map((e) => instructionOf(e.CreatedBy ?? ''))
        .filter((i) => i?.kind === 'RUN' && UNVERIFIED.some((re) => re.test(i.text)))
        .map((i) => i!.text.slice(0, 120));
      return item('', 'MANUAL', hints.length > 0 ? `unverified installs likely: ${hints.join(' | ')}` : 'confirm packages are verified (no obvious bypass in RUN lines)', undefined, evidence);
    }),
};
