import type { BenchCheck } from '../check.js';
import { apiSocketTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.16',
    slug: 'file-docker-sock-mode',
    title: 'Ensure that Docker socket file permissions are set to 660 or more restrictively',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The Docker socket is root-equivalent access to the host. Its owner, group and mode decide who can drive the daemon.',
    remediation:
      'Run `chmod 660` on the Docker socket (or set `SocketMode=0660` in docker.socket).',
    checkExamples: [
      { note: '0660', snapshot: fileExample('/run/docker.sock', { mode: 0o660, type: 'socket' }, { apiSockets: ['/run/docker.sock'] }), expect: 'PASS' },
      { note: '0666', snapshot: fileExample('/run/docker.sock', { mode: 0o666, type: 'socket' }, { apiSockets: ['/run/docker.sock'] }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/run/docker.sock', { mode: 0o4660, type: 'socket' }, { apiSockets: ['/run/docker.sock'] }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/run/docker.sock', { exists: false }, { apiSockets: ['/run/docker.sock'] }), expect: 'NOT_APPLICABLE' },
      { note: '0606 is not within 0660 (bitwise)', snapshot: fileExample('/run/docker.sock', { mode: 0o606, type: 'socket' }, { apiSockets: ['/run/docker.sock'] }), expect: 'FAIL' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  apiSocketTargets,
  { maxMode: 0o660 },
);
