import type { BenchCheck } from '../check.js';
import { daemonJsonTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.18',
    slug: 'file-daemon-json-mode',
    title: 'Ensure that daemon.json file permissions are set to 644 or more restrictive',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'daemon.json sets every daemon option. If others can change it, they can weaken or disable the daemon\'s protections at the next restart.',
    remediation:
      'Run `chmod 644 /etc/docker/daemon.json` (or stricter).',
    checkExamples: [
      { note: '0644', snapshot: fileExample('/etc/docker/daemon.json', { mode: 0o644, type: 'file' }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'PASS' },
      { note: '0664', snapshot: fileExample('/etc/docker/daemon.json', { mode: 0o664, type: 'file' }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/etc/docker/daemon.json', { mode: 0o4644, type: 'file' }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker/daemon.json', { exists: false }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  daemonJsonTargets,
  { maxMode: 0o644 },
);
