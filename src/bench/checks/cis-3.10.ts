import type { BenchCheck } from '../check.js';
import { fileCheck, fileExample, tlsTargets } from './file-perms.js';
import { cisMeta, PODMAN_EXAMPLE, REMOTE_EXAMPLE } from './host-common.js';

export const check: BenchCheck = fileCheck(
  cisMeta({
    cisId: '3.10',
    slug: 'file-tls-ca-mode',
    title: 'Ensure that TLS CA certificate file permissions are set to 444 or more restrictively',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'The TLS CA certificate protects the daemon\'s TCP API. If others can replace or read it, they can impersonate the daemon or its trusted clients.',
    remediation:
      'Run `chmod 444` on the CA certificate file (`--tlscacert`).',
    checkExamples: [
      { note: '0444', snapshot: fileExample('/etc/docker/tls/ca.pem', { mode: 0o444, type: 'file' }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'PASS' },
      { note: '0644', snapshot: fileExample('/etc/docker/tls/ca.pem', { mode: 0o644, type: 'file' }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'FAIL' },
      { note: 'setuid bit is outside the limit', snapshot: fileExample('/etc/docker/tls/ca.pem', { mode: 0o4444, type: 'file' }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'FAIL' },
      { note: 'absent', snapshot: fileExample('/etc/docker/tls/ca.pem', { exists: false }, { dockerd: { value: { argv: ['/usr/bin/dockerd', '--tlsverify', '--tlscacert=/etc/docker/tls/ca.pem', '--tlscert=/etc/docker/tls/cert.pem', '--tlskey=/etc/docker/tls/key.pem'] } } }), expect: 'NOT_APPLICABLE' },
      { note: 'TLS not enabled', snapshot: {}, expect: 'NOT_APPLICABLE' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
      { note: 'Podman', snapshot: PODMAN_EXAMPLE, expect: 'NOT_APPLICABLE' },
    ],
  }),
  tlsTargets('tlscacert'),
  { maxMode: 0o444 },
);
