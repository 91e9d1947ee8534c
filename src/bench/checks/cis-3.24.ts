import type { BenchCheck } from '../check.js';
import { containerdSocketTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.24',
    slug: 'file-containerd-sock-mode',
    title: 'Ensure that the Containerd socket file permissions are set to 660 or more restrictively',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The containerd socket gives full control of every container, below Docker\'s own checks. Only root may own and use it.',
    remediation:
      'Run `chmod 660` on the containerd socket in use.',
    checkExamples: [
      { note: '0660', snapshot: fileExample('/run/containerd/containerd.sock', { mode: 0o660, type: 'socket' }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'PASS' },
      { note: '0666', snapshot: fileExample('/run/containerd/containerd.sock', { mode: 0o666, type: 'socket' }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/run/containerd/containerd.sock', { mode: 0o4660, type: 'socket' }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/run/containerd/containerd.sock', { exists: false }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  containerdSocketTargets,
  { maxMode: 0o660 },
);
