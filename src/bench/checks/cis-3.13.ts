import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, tlsTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.13',
    slug: 'file-tls-key-owner',
    title: 'Ensure that the Docker server certificate key file ownership is set to root:root',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'The TLS server key protects the daemon\'s TCP API. If others can replace or read it, they can impersonate the daemon or its trusted clients.',
    remediation:
      'Run `chown root:root` on the server key file (`--tlskey`).',
    checkExamples: [
      { note: 'root:root', snapshot: fileExample('/etc/docker/tls/key.pem', { uid: 0, gid: 0 }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'PASS' },
      { note: 'owned by a user', snapshot: fileExample('/etc/docker/tls/key.pem', { uid: 1000, gid: 0 }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'FAIL' },
      { note: 'group not root', snapshot: fileExample('/etc/docker/tls/key.pem', { uid: 0, gid: 50 }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker/tls/key.pem', { exists: false }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'NOT_APPLICABLE' },
      { note: 'TLS not enabled', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  tlsTargets('tlskey'),
  { owner: 'root' },
);
