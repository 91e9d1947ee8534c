import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, pathTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.22',
    slug: 'file-etc-sysconfig-docker-owner',
    title: 'Ensure that the /etc/sysconfig/docker file ownership is set to root:root',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      '/etc/sysconfig/docker feeds environment variables and options to the Docker daemon. If others can change it, they control how dockerd starts.',
    remediation:
      'Run `chown root:root /etc/sysconfig/docker`.',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/etc/sysconfig/docker', { uid: 0, gid: 0 }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/etc/sysconfig/docker', { uid: 1000, gid: 0 }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/etc/sysconfig/docker', { uid: 0, gid: 50 }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/sysconfig/docker', { exists: false }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  pathTargets('/etc/sysconfig/docker', '/etc/sysconfig/docker does not exist (CIS: not applicable)'),
  { owner: 'root' },
);
