import type { BenchCheck } from '../check.js';
import { argvExample, cisMeta, daemonCheck, daemonJsonExample, fail, pass, REMOTE_EXAMPLE, settingEvidence, unknownSetting } from './host-common.js';

export const check: BenchCheck = daemonCheck(
  cisMeta({
    cisId: '2.4',
    slug: 'daemon-iptables-enabled',
    title: 'Ensure Docker is allowed to make changes to iptables',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'With iptables management on, Docker keeps the firewall consistent with the containers\' networking. Managed by hand, rules drift and can expose ports or break isolation.',
    remediation: 'Remove `--iptables=false` and `"iptables": false`, then restart the daemon.',
    checkExamples: [
      { note: 'default (managed)', snapshot: {}, expect: 'PASS' },
      { note: 'disabled in daemon.json', snapshot: daemonJsonExample({ iptables: false }), expect: 'FAIL' },
      { note: 'disabled on the command line', snapshot: argvExample(['--iptables=false']), expect: 'FAIL' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const iptables = context.daemon.get('iptables');
    if (typeof iptables.value !== 'boolean') return unknownSetting('iptables', iptables);
    return iptables.value
      ? pass(`Docker manages iptables (from ${iptables.source})`, settingEvidence(iptables))
      : fail(`iptables management is disabled (from ${iptables.source})`, settingEvidence(iptables));
  },
);
