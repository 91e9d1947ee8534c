import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, fileEntry } from './host-common.js';

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.10',
    slug: 'audit-etc-default-docker',
    title: 'Ensure auditing is configured for Docker files and directories - /etc/default/docker',
    level: 2,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the file that feeds options to the Docker daemon on Debian-style systems, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /etc/default/docker -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /etc/default/docker -p wa -k docker'], { files: fileEntry('/etc/default/docker', { mode: 0o644 }) }), expect: 'PASS' },
      { note: 'only a narrower rule', snapshot: auditExample(['-w /etc/default/docker/x -p wa -k docker'], { files: fileEntry('/etc/default/docker', { mode: 0o644 }) }), expect: 'FAIL' },
      { note: 'watch removed by -W', snapshot: auditExample(['-w /etc/default/docker -p wa -k docker', '-W /etc/default/docker'], { files: fileEntry('/etc/default/docker', { mode: 0o644 }) }), expect: 'FAIL' },
      { note: 'absent', snapshot: auditExample([], { files: fileEntry('/etc/default/docker', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (_context, host) => existingTargets(host, ['/etc/default/docker'], '/etc/default/docker does not exist (CIS: not applicable)'),
);
