import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, unitTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.1',
    slug: 'file-docker-service-owner',
    title: 'Ensure that the docker.service file ownership is set to root:root',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The docker.service unit decides how the daemon is started and with which options. If others can change it, they can make dockerd run with any flag at the next start.',
    remediation:
      'Run `chown root:root` on the docker.service unit file (and its drop-ins), e.g. `chown root:root /lib/systemd/system/docker.service`.',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/lib/systemd/system/docker.service', { uid: 0, gid: 0 }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/lib/systemd/system/docker.service', { uid: 1000, gid: 0 }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/lib/systemd/system/docker.service', { uid: 0, gid: 50 }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'no unit file', snapshot: { host: { value: { units: { 'docker.service': { ok: false, reason: 'no docker.service unit file in /etc/systemd/system, /lib/systemd/system' } } } } }, expect: 'NOT_APPLICABLE' },
      { note: 'unit not collected', snapshot: {}, expect: 'UNKNOWN' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  unitTargets('docker.service', true),
  { owner: 'root' },
);
