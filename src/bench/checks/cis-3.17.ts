import type { BenchCheck } from '../check.js';
import { daemonJsonTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.17',
    slug: 'file-daemon-json-owner',
    title: 'Ensure that daemon.json file ownership is set to root:root',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'daemon.json sets every daemon option. If others can change it, they can weaken or disable the daemon\'s protections at the next restart.',
    remediation:
      'Run `chown root:root /etc/docker/daemon.json` (or the file named by `--config-file`).',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/etc/docker/daemon.json', { uid: 0, gid: 0 }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/etc/docker/daemon.json', { uid: 1000, gid: 0 }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/etc/docker/daemon.json', { uid: 0, gid: 50 }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker/daemon.json', { exists: false }, { daemonJson: { value: { path: '/etc/docker/daemon.json' } } }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  daemonJsonTargets,
  { owner: 'root' },
);
