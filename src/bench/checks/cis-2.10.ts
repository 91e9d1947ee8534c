import type { BenchCheck } from '../check.js';
import { cisMeta, daemonCheck, daemonJsonExample, manual, pass, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.10',
    slug: 'daemon-default-cgroup-parent',
    title: 'Ensure the default cgroup usage has been confirmed',
    level: 2,
    scoring: 'N',
    automated: false,
    rationale:
      'The cgroup parent decides which resource limits apply above all containers. A non-default parent is acceptable when deliberate, so the check asks for confirmation rather than failing.',
    remediation: 'Leave `cgroup-parent` unset unless a specific parent is required, and document why when it is set.',
    checkExamples: [
      { note: 'default parent', snapshot: {}, expect: 'PASS' },
      { note: 'custom parent', snapshot: daemonJsonExample({ 'cgroup-parent': '/batch' }), expect: 'MANUAL' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const parent = context.daemon.get('cgroup-parent');
    if (typeof parent.value !== 'string') return unknownSetting('cgroup-parent', parent);
    const driver = typeof context.daemon.info?.['CgroupDriver'] === 'string' ? context.daemon.info['CgroupDriver'] : undefined;
    if (parent.value === '') {
      const dflt = driver === 'systemd' ? 'system.slice' : driver === 'cgroupfs' ? '/docker' : '/docker (cgroupfs) or system.slice (systemd)';
      return pass(`default cgroup parent ${dflt}`, settingEvidence(parent));
    }
    return manual(`non-default cgroup parent "${parent.value}" (from ${parent.source}): confirm it is intended`, settingEvidence(parent));
  },
);
