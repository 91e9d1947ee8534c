import type { BenchCheck } from '../check.js';
import { etcDockerTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.6',
    slug: 'file-etc-docker-mode',
    title: 'Ensure that /etc/docker directory permissions are set to 755 or more restrictively',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      '/etc/docker holds daemon.json, TLS keys and registry certificates. Whoever can write there can change the daemon\'s configuration or its trust.',
    remediation:
      'Run `chmod 755 /etc/docker` (or stricter).',
    checkExamples: [
      { note: '0755', snapshot: fileExample('/etc/docker', { mode: 0o755, type: 'dir' }), expect: 'PASS' },
      { note: '0775', snapshot: fileExample('/etc/docker', { mode: 0o775, type: 'dir' }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/etc/docker', { mode: 0o4755, type: 'dir' }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker', { exists: false }), expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  etcDockerTargets,
  { maxMode: 0o755 },
);
