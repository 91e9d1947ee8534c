import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, containerdSocketPath, dirname, fileEntry } from './host-common.js';

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.4',
    slug: 'audit-containerd-run-dir',
    title: 'Ensure auditing is configured for Docker files and directories - /run/containerd',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the containerd runtime directory, which holds its API socket, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /run/containerd -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watch on /run/containerd', snapshot: auditExample(['-w /run/containerd -p wa -k docker'], { containerdSocket: '/run/containerd/containerd.sock', files: fileEntry('/run/containerd', { type: 'dir', mode: 0o711 }) }), expect: 'PASS' },
      { note: 'no watch', snapshot: auditExample(['-w /etc/docker -k docker'], { containerdSocket: '/run/containerd/containerd.sock', files: fileEntry('/run/containerd', { type: 'dir', mode: 0o711 }) }), expect: 'FAIL' },
      { note: 'directory absent', snapshot: auditExample([], { containerdSocket: '/run/containerd/containerd.sock', files: fileEntry('/run/containerd', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    const socket = containerdSocketPath(context, host) ?? '/run/containerd/containerd.sock';
    return existingTargets(host, [dirname(socket)], `${dirname(socket)} does not exist`);
  },
);
