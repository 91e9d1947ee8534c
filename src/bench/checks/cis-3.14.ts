import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, tlsTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.14',
    slug: 'file-tls-key-mode',
    title: 'Ensure that the Docker server certificate key file permissions are set to 400',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'The TLS server key protects the daemon\'s TCP API. If others can replace or read it, they can impersonate the daemon or its trusted clients.',
    remediation:
      'Run `chmod 400` on the server key file (`--tlskey`).',
    checkExamples: [
      { note: '0400', snapshot: fileExample('/etc/docker/tls/key.pem', { mode: 0o400, type: 'file' }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'PASS' },
      { note: '0440', snapshot: fileExample('/etc/docker/tls/key.pem', { mode: 0o440, type: 'file' }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/etc/docker/tls/key.pem', { mode: 0o4400, type: 'file' }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker/tls/key.pem', { exists: false }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'NOT_APPLICABLE' },
      { note: 'TLS not enabled', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  tlsTargets('tlskey'),
  { maxMode: 0o400 },
);
