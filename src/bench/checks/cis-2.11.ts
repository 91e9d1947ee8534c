import type { BenchCheck } from '../check.js';
import { argvExample, cisMeta, daemonCheck, fail, infoFields, merged, notApplicable, pass, unknown, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.11',
    slug: 'daemon-dm-basesize-default',
    title: 'Ensure base device size is not changed until needed',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'With devicemapper, a larger base device lets every container grow its filesystem further, which can fill the pool. Other storage drivers have no base device (and devicemapper left the engine in 25.0).',
    remediation: 'Remove `dm.basesize` from `--storage-opt`/`storage-opts` unless containers really need larger root filesystems.',
    checkExamples: [
      { note: 'overlay2: no base device', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'devicemapper, default size', snapshot: infoFields({ Driver: 'devicemapper' }), expect: 'PASS' },
      { note: 'devicemapper with dm.basesize', snapshot: merged(infoFields({ Driver: 'devicemapper' }), argvExample(['--storage-opt', 'dm.basesize=50G'])), expect: 'FAIL' },
      { note: '/info unreadable', snapshot: { engine: { info: { ok: false, reason: 'timeout' } } }, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const driver = context.daemon.info?.['Driver'];
    if (typeof driver !== 'string') return unknown('storage driver not reported (/info unreadable)');
    if (driver !== 'devicemapper') return notApplicable(`storage driver ${driver} has no base device`, ['/engine/info#Driver']);
    const opts = context.daemon.get('storage-opts');
    if (!Array.isArray(opts.value)) return unknownSetting('storage-opts', opts);
    const basesize = (opts.value as string[]).filter((o) => o.replace(/\s/g, '').startsWith('dm.basesize'));
    return basesize.length > 0 ? fail(`base device size changed: ${basesize.join(', ')}`, opts.evidence) : pass('base device size left at its default', opts.evidence);
  },
);
