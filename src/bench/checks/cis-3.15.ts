import type { BenchCheck } from '../check.js';
import { apiSocketTargets, fileCheck } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';
import type { FileEvidence } from '../snapshot.js';

function sockExample(stat: Partial<FileEvidence>): Record<string, unknown> {
  return {
    host: {
      value: {
        apiSockets: ['/run/docker.sock'],
        files: {
          '/run/docker.sock': { path: '/run/docker.sock', exists: true, type: 'socket', mode: 0o660, uid: 0, gid: 999, ...stat },
          '/etc/group': { path: '/etc/group', exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0, content: 'root:x:0:\ndocker:x:999:\n' },
        },
      },
    },
  };
}

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.15',
    slug: 'file-docker-sock-owner',
    title: 'Ensure that the Docker socket file ownership is set to root:docker',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The Docker socket is root-equivalent access to the host. Its owner, group and mode decide who can drive the daemon.',
    remediation:
      'Run `chown root:docker` on the Docker socket (or set `SocketUser`/`SocketGroup` in docker.socket).',
    checkExamples: [
      { note: 'root:docker', snapshot: sockExample({ uid: 0, gid: 999 }), expect: 'PASS' },
      { note: 'root:root (stricter)', snapshot: sockExample({ uid: 0, gid: 0 }), expect: 'PASS' },
      { note: 'group is another gid', snapshot: sockExample({ uid: 0, gid: 1000 }), expect: 'FAIL' },
      { note: 'owned by a user', snapshot: sockExample({ uid: 1000, gid: 999 }), expect: 'FAIL' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  apiSocketTargets,
  { owner: 'root-or-socket-group' },
);
