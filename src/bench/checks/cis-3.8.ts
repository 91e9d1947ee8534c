import type { BenchCheck } from '../check.js';
import { certsTargets, fileCheck, fileExample } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.8',
    slug: 'file-registry-certs-mode',
    title: 'Ensure that registry certificate file permissions are set to 444 or more restrictively',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'Registry certificates decide which registries the daemon trusts. If others can replace them, they can redirect image pulls to a server they control.',
    remediation:
      'Run `chmod 444` on the files under /etc/docker/certs.d/ (keys: 0400).',
    checkExamples: [
      { note: '0444', snapshot: fileExample('/etc/docker/certs.d/reg:5000/ca.crt', { mode: 0o444, type: 'file' }), expect: 'PASS' },
      { note: '0644', snapshot: fileExample('/etc/docker/certs.d/reg:5000/ca.crt', { mode: 0o644, type: 'file' }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/etc/docker/certs.d/reg:5000/ca.crt', { mode: 0o4444, type: 'file' }), expect: 'FAIL' },
      { note: 'certs.d absent', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  certsTargets('regular'),
  { maxMode: 0o444, keyNote: true },
);
