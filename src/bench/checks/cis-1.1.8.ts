import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, containerdSocketPath, fileEntry, notApplicable } from './host-common.js';

const SOCK = { containerdSocket: '/run/containerd/containerd.sock', files: fileEntry('/run/containerd/containerd.sock', { type: 'socket', mode: 0o660 }) };

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.8',
    slug: 'audit-containerd-socket',
    title: 'Ensure auditing is configured for Docker files and directories - containerd.sock',
    level: 2,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the containerd API socket, which controls every container, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /run/containerd/containerd.sock -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /run/containerd/containerd.sock -k docker'], SOCK), expect: 'PASS' },
      { note: 'watched through /var/run', snapshot: auditExample(['-w /var/run/containerd/containerd.sock -k docker'], SOCK), expect: 'PASS' },
      { note: 'not watched', snapshot: auditExample(['-w /run/docker.sock -k docker'], SOCK), expect: 'FAIL' },
      { note: 'no containerd socket', snapshot: auditExample([], { containerdSocket: '/run/containerd/containerd.sock', files: fileEntry('/run/containerd/containerd.sock', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    const socket = containerdSocketPath(context, host);
    if (!socket) return notApplicable('no containerd socket in use was found');
    return existingTargets(host, [socket], `containerd socket ${socket} does not exist`);
  },
);
