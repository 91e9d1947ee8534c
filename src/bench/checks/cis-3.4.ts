import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, unitTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.4',
    slug: 'file-docker-socket-unit-mode',
    title: 'Ensure that docker.socket file permissions are set to 644 or more restrictive',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The docker.socket unit decides how the daemon is started and with which options. If others can change it, they can make dockerd run with any flag at the next start.',
    remediation:
      'Run `chmod 644` (or stricter) on the docker.socket unit file.',
    checkExamples: [
      { note: '0644', snapshot: fileExample('/lib/systemd/system/docker.socket', { mode: 0o644, type: 'file' }, { units: { 'docker.socket': { ok: true, value: { path: '/lib/systemd/system/docker.socket', exists: true, type: 'file' } } } }), expect: 'PASS' },
      { note: '0666', snapshot: fileExample('/lib/systemd/system/docker.socket', { mode: 0o666, type: 'file' }, { units: { 'docker.socket': { ok: true, value: { path: '/lib/systemd/system/docker.socket', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/lib/systemd/system/docker.socket', { mode: 0o4644, type: 'file' }, { units: { 'docker.socket': { ok: true, value: { path: '/lib/systemd/system/docker.socket', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'no unit file', snapshot: { host: { value: { units: { 'docker.socket': { ok: false, reason: 'no docker.socket unit file in /etc/systemd/system, /lib/systemd/system' } } } } }, expect: 'NOT_APPLICABLE' },
      { note: 'unit not collected', snapshot: {}, expect: 'UNKNOWN' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  unitTargets('docker.socket', false),
  { maxMode: 0o644 },
);
