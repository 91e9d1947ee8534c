import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, unitTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.3',
    slug: 'file-docker-socket-unit-owner',
    title: 'Ensure that docker.socket file ownership is set to root:root',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The docker.socket unit decides how the daemon is started and with which options. If others can change it, they can make dockerd run with any flag at the next start.',
    remediation:
      'Run `chown root:root` on the docker.socket unit file.',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/lib/systemd/system/docker.socket', { uid: 0, gid: 0 }, { units: { 'docker.socket': { ok: true, value: { path: '/lib/systemd/system/docker.socket', exists: true, type: 'file' } } } }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/lib/systemd/system/docker.socket', { uid: 1000, gid: 0 }, { units: { 'docker.socket': { ok: true, value: { path: '/lib/systemd/system/docker.socket', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/lib/systemd/system/docker.socket', { uid: 0, gid: 50 }, { units: { 'docker.socket': { ok: true, value: { path: '/lib/systemd/system/docker.socket', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'no unit file', snapshot: { host: { value: { units: { 'docker.socket': { ok: false, reason: 'no docker.socket unit file in /etc/systemd/system, /lib/systemd/system' } } } } }, expect: 'NOT_APPLICABLE' },
      { note: 'unit not collected', snapshot: {}, expect: 'UNKNOWN' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  unitTargets('docker.socket', false),
  { owner: 'root' },
);
