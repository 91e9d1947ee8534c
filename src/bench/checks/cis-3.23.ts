import type { BenchCheck } from '../check.js';
import { containerdSocketTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.23',
    slug: 'file-containerd-sock-owner',
    title: 'Ensure that the Containerd socket file ownership is set to root:root',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The containerd socket gives full control of every container, below Docker\'s own checks. Only root may own and use it.',
    remediation:
      'Run `chown root:root` on the containerd socket in use (normally /run/containerd/containerd.sock).',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/run/containerd/containerd.sock', { uid: 0, gid: 0 }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/run/containerd/containerd.sock', { uid: 1000, gid: 0 }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/run/containerd/containerd.sock', { uid: 0, gid: 50 }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/run/containerd/containerd.sock', { exists: false }, { containerdSocket: '/run/containerd/containerd.sock' }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  containerdSocketTargets,
  { owner: 'root' },
);
