import type { BenchCheck } from '../check.js';
import { etcDockerTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.5',
    slug: 'file-etc-docker-owner',
    title: 'Ensure that the /etc/docker directory ownership is set to root:root',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      '/etc/docker holds daemon.json, TLS keys and registry certificates. Whoever can write there can change the daemon\'s configuration or its trust.',
    remediation:
      'Run `chown root:root /etc/docker`.',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/etc/docker', { uid: 0, gid: 0 }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/etc/docker', { uid: 1000, gid: 0 }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/etc/docker', { uid: 0, gid: 50 }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker', { exists: false }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  etcDockerTargets,
  { owner: 'root' },
);
