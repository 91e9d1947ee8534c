import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { historyExample, historyOf, imageEvidence, instructionOf, perImage } from './images-common.js';

const UPDATE = /\b(?:(?:apt-get|apt)\s+update|(?:yum|dnf|microdnf)\s+update|dnf\s+upgrade|yum\s+makecache|apk\s+update|zypper\s+(?:ref|refresh))\b/;
const INSTALL = /\b(?:(?:apt-get|apt|yum|dnf|microdnf)\s+(?:-\S+\s+)*install|apk\s+(?:-\S+\s+)*add|zypper\s+(?:-\S+\s+)*(?:in|install))\b/;

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.7',
    slug: 'image-no-lone-update',
    title: 'Ensure update instructions are not used alone in Dockerfiles',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'A package index update in its own RUN is cached as a layer; later installs then use a stale index and miss security fixes.',
    remediation: 'Update and install in the same RUN, e.g. `RUN apt-get update && apt-get install -y pkg`.',
    checkExamples: [
      { note: 'update and install together', snapshot: historyExample(['RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit']), expect: 'PASS' },
      { note: 'update alone', snapshot: historyExample(['RUN /bin/sh -c apt-get install -y curl # buildkit', 'RUN /bin/sh -c apt-get update # buildkit']), expect: 'FAIL' },
      { note: 'legacy builder RUN', snapshot: historyExample(['|1 V=1 /bin/sh -c apk update']), expect: 'FAIL' },
      { note: 'no history', snapshot: {}, expect: 'UNKNOWN' },
    ],
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const history = historyOf(context, image);
      if (!history.ok) return item('', 'UNKNOWN', history.reason);
      const lone = history.entries
        .map((e) => instructionOf(e.CreatedBy ?? ''))
        .filter((i) => i?.kind === 'RUN' && UPDATE.test(i.text) && !INSTALL.test(i.text))
        .map((i) => i!.text.slice(0, 120));
      const evidence = [imageEvidence(image, 'history')];
      return lone.length > 0 ? item('', 'FAIL', `update without install in the same RUN: ${lone.join(' | ')}`, undefined, evidence) : item('', 'PASS', undefined, undefined, evidence);
    }),
};
