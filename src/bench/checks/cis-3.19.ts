import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, pathTargets } from './file-perms.js';
import { cisMeta, fileEntry, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.19',
    slug: 'file-etc-default-docker-owner',
    title: 'Ensure that the /etc/default/docker file ownership is set to root:root',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      '/etc/default/docker feeds environment variables and options to the Docker daemon. If others can change it, they control how dockerd starts.',
    remediation:
      'Run `chown root:root /etc/default/docker`.',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/etc/default/docker', { uid: 0, gid: 0 }), expect: 'PASS' },
      {
        note: 'symlink judged by its target',
        snapshot: { host: { value: { files: { ...fileEntry('/etc/default/docker', { type: 'symlink', mode: 0o777, realPath: '/etc/docker/env' }), ...fileEntry('/etc/docker/env', { uid: 1000 }) } } } },
        expect: 'FAIL',
      },
      { note: 'owned by a user', snapshot: fileExample('/etc/default/docker', { uid: 1000, gid: 0 }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/etc/default/docker', { uid: 0, gid: 50 }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/default/docker', { exists: false }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  pathTargets('/etc/default/docker', '/etc/default/docker does not exist (CIS: not applicable)'),
  { owner: 'root' },
);
