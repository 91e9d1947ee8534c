import type { BenchCheck } from '../check.js';
import { certsTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.7',
    slug: 'file-registry-certs-owner',
    title: 'Ensure that registry certificate file ownership is set to root:root',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'Registry certificates decide which registries the daemon trusts. If others can replace them, they can redirect image pulls to a server they control.',
    remediation:
      'Run `chown -R root:root /etc/docker/certs.d/`.',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/etc/docker/certs.d/reg:5000/ca.crt', { uid: 0, gid: 0 }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/etc/docker/certs.d/reg:5000/ca.crt', { uid: 1000, gid: 0 }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/etc/docker/certs.d/reg:5000/ca.crt', { uid: 0, gid: 50 }), expect: 'FAIL' },
      { note: 'certs.d absent', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  certsTargets('any'),
  { owner: 'root' },
);
