import type { BenchCheck } from '../check.js';
import { cisMeta, item } from './host-common.js';
import { historyExample, historyOf, imageEvidence, instructionOf, perImage } from './images-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '4.9',
    slug: 'image-copy-not-add',
    title: 'Ensure that COPY is used instead of ADD in Dockerfiles',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale: 'ADD fetches URLs and unpacks archives implicitly: remote content arrives unverified and archives can write anywhere. COPY only copies local files.',
    remediation: 'Use COPY for local files; fetch remote content in a RUN step with checksum verification.',
    checkExamples: [
      { note: 'base rootfs ADD only', snapshot: historyExample(['COPY app /app # buildkit', '/bin/sh -c #(nop) ADD file:0123456789abcdef in / ']), expect: 'PASS' },
      { note: 'ADD of a URL', snapshot: historyExample(['ADD https://example.com/tool.tar.gz /opt/ # buildkit', '/bin/sh -c #(nop) ADD file:0123 in / ']), expect: 'FAIL' },
      { note: 'no history', snapshot: {}, expect: 'UNKNOWN' },
    ],
  }),
  evaluate: (context) =>
    perImage(context, (image) => {
      const history = historyOf(context, image);
      if (!history.ok) return item('', 'UNKNOWN', history.reason);
      const entries = history.entries;
      const adds: string[] = [];
      entries.forEach((entry, index) => {
        const instruction = instructionOf(entry.CreatedBy ?? '');
        if (instruction?.kind !== 'ADD') return;
        // The earliest entry adding the base rootfs to / is how base images are made, not a choice here.
        if (index === entries.length - 1 && /\s(?:in\s+)?\/\s*$/.test(instruction.text)) return;
        const flags = [/https?:\/\//.test(instruction.text) ? 'URL source' : '', /\.(tar|tgz|tar\.\w+|zip)\b/.test(instruction.text) ? 'archive' : ''].filter(Boolean);
        adds.push(`ADD ${instruction.text.slice(0, 100)}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`);
      });
      const evidence = [imageEvidence(image, 'history')];
      return adds.length > 0 ? item('', 'FAIL', adds.join(' | '), undefined, evidence) : item('', 'PASS', undefined, undefined, evidence);
    }),
};
