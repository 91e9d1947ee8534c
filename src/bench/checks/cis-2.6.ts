import type { BenchCheck } from '../check.js';
import { cisMeta, fail, infoFields, pass, unknown } from './host-common.js';

export const check: BenchCheck = {
  meta: cisMeta({
    cisId: '2.6',
    slug: 'daemon-no-aufs',
    title: 'Ensure aufs storage driver is not used',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale: 'aufs is an old, out-of-tree driver with known kernel crashes; engines from 24.0 no longer ship it.',
    remediation: 'Move to overlay2 (set `"storage-driver": "overlay2"`) after exporting anything needed from existing containers and images.',
    checkExamples: [
      { note: 'overlay2', snapshot: {}, expect: 'PASS' },
      { note: 'aufs', snapshot: infoFields({ Driver: 'aufs' }), expect: 'FAIL' },
      { note: '/info unreadable', snapshot: { engine: { info: { ok: false, reason: 'permission denied' } } }, expect: 'UNKNOWN' },
    ],
  }),
  evaluate(context) {
    const driver = context.daemon.info?.['Driver'];
    if (typeof driver !== 'string') return unknown('storage driver not reported (/info unreadable)');
    return driver === 'aufs' ? fail('the storage driver is aufs', ['/engine/info#Driver']) : pass(`the storage driver is ${driver}`, ['/engine/info#Driver']);
  },
};
