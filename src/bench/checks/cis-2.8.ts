import type { BenchCheck } from '../check.js';
import { argvExample, cisMeta, daemonCheck, daemonJsonExample, fail, pass, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.8',
    slug: 'daemon-default-ulimits',
    title: 'Ensure the default ulimit is configured appropriately',
    level: 1,
    scoring: 'N',
    automated: false,
    rationale:
      'Without daemon default ulimits, containers inherit dockerd\'s own (usually very high) limits, so one container can exhaust file descriptors or processes for the host. Whether the values are appropriate is a judgement, so the check is not scored.',
    remediation: 'Set defaults such as `"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1024, "Hard": 4096}}` in daemon.json (or `--default-ulimit nofile=1024:4096`).',
    checkExamples: [
      { note: 'none configured', snapshot: {}, expect: 'FAIL' },
      { note: 'daemon.json default', snapshot: daemonJsonExample({ 'default-ulimits': { nofile: { Name: 'nofile', Soft: 1024, Hard: 4096 } } }), expect: 'PASS' },
      { note: 'command-line default', snapshot: argvExample(['--default-ulimit', 'nproc=512:1024']), expect: 'PASS' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const ulimits = context.daemon.get('default-ulimits');
    if (!ulimits.value || typeof ulimits.value !== 'object') return unknownSetting('default-ulimits', ulimits);
    const names = Object.keys(ulimits.value as Record<string, unknown>);
    return names.length > 0
      ? pass(`default ulimits (review the values): ${names.join(', ')}`, settingEvidence(ulimits))
      : fail('no default ulimits: containers inherit dockerd\'s limits', settingEvidence(ulimits));
  },
);
