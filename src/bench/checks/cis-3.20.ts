import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, pathTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.20',
    slug: 'file-etc-default-docker-mode',
    title: 'Ensure that the /etc/default/docker file permissions are set to 644 or more restrictively',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      '/etc/default/docker feeds environment variables and options to the Docker daemon. If others can change it, they control how dockerd starts.',
    remediation:
      'Run `chmod 644 /etc/default/docker` (or stricter).',
    checkExamples: [
      { note: '0644', snapshot: fileExample('/etc/default/docker', { mode: 0o644, type: 'file' }), expect: 'PASS' },
      { note: '0646', snapshot: fileExample('/etc/default/docker', { mode: 0o646, type: 'file' }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/etc/default/docker', { mode: 0o4644, type: 'file' }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/default/docker', { exists: false }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  pathTargets('/etc/default/docker', '/etc/default/docker does not exist (CIS: not applicable)'),
  { maxMode: 0o644 },
);
