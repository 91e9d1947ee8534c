import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, configDir, fileEntry } from './host-common.js';

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.6',
    slug: 'audit-etc-docker',
    title: 'Ensure auditing is configured for Docker files and directories - /etc/docker',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the Docker configuration directory (daemon.json, TLS and registry certificates), and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /etc/docker -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /etc/docker -p wa -k docker'], { files: fileEntry('/etc/docker', { type: 'dir', mode: 0o755 }) }), expect: 'PASS' },
      { note: 'only a narrower rule', snapshot: auditExample(['-w /etc/docker/x -p wa -k docker'], { files: fileEntry('/etc/docker', { type: 'dir', mode: 0o755 }) }), expect: 'FAIL' },
      { note: 'watch removed by -W', snapshot: auditExample(['-w /etc/docker -p wa -k docker', '-W /etc/docker'], { files: fileEntry('/etc/docker', { type: 'dir', mode: 0o755 }) }), expect: 'FAIL' },
      { note: 'absent', snapshot: auditExample([], { files: fileEntry('/etc/docker', { exists: false }) }), expect: 'NOT_APPLICABLE' },
      { note: 'a watch on a parent directory covers it', snapshot: auditExample(['-w /etc -p wa'], { files: fileEntry('/etc/docker', { type: 'dir', mode: 0o755 }) }), expect: 'PASS' },
    ],
  }),
  (context, host) => existingTargets(host, [configDir(context)], `${configDir(context)} does not exist`),
);
