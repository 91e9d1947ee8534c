import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, unitTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.2',
    slug: 'file-docker-service-mode',
    title: 'Ensure that docker.service file permissions are appropriately set',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'The docker.service unit decides how the daemon is started and with which options. If others can change it, they can make dockerd run with any flag at the next start.',
    remediation:
      'Run `chmod 644` (or stricter) on the docker.service unit file and its drop-ins.',
    checkExamples: [
      { note: '0644', snapshot: fileExample('/lib/systemd/system/docker.service', { mode: 0o644, type: 'file' }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'PASS' },
      { note: '0664', snapshot: fileExample('/lib/systemd/system/docker.service', { mode: 0o664, type: 'file' }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/lib/systemd/system/docker.service', { mode: 0o4644, type: 'file' }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: '0606 is not within 0644 (bitwise)', snapshot: fileExample('/lib/systemd/system/docker.service', { mode: 0o606 }, { units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file' } } } }), expect: 'FAIL' },
      { note: 'no unit file', snapshot: { host: { value: { units: { 'docker.service': { ok: false, reason: 'no docker.service unit file in /etc/systemd/system, /lib/systemd/system' } } } } }, expect: 'NOT_APPLICABLE' },
      { note: 'unit not collected', snapshot: {}, expect: 'UNKNOWN' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  unitTargets('docker.service', true),
  { maxMode: 0o644 },
);
