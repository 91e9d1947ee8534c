import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, notApplicable, unknown } from './host-common.js';

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.11',
    slug: 'audit-daemon-json',
    title: 'Ensure auditing is configured for Docker files and directories - /etc/docker/daemon.json',
    level: 2,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the daemon configuration file, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /etc/docker/daemon.json -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /etc/docker/daemon.json -p wa -k docker']), expect: 'PASS' },
      { note: 'not watched', snapshot: auditExample(['-w /etc/docker/certs.d -p wa -k docker']), expect: 'FAIL' },
      { note: 'file named by --config-file is the target', snapshot: auditExample(['-w /etc/docker/daemon.json -k docker'], { daemonJsonSource: 'argv', daemonJson: { value: { path: '/srv/docker.json' } } }), expect: 'FAIL' },
      { note: 'no daemon.json', snapshot: auditExample([], { daemonJson: { value: { exists: false } } }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    if (!host.daemonJson.ok) return unknown(`daemon.json in use unknown: ${host.daemonJson.reason}`);
    const file = host.daemonJson.value;
    if (file.error !== undefined) return unknown(`${file.path}: ${file.error}`);
    if (!file.exists) return notApplicable(`${file.path} does not exist (CIS: not applicable)`);
    return { targets: [{ path: file.path }], evidence: [`daemon.json from ${host.daemonJsonSource ?? 'default'} path`] };
  },
);
