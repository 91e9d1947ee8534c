import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { REMOTE_EXAMPLE, cisMeta, unknown } from './host-common.js';

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.3',
    slug: 'audit-dockerd-binary',
    title: 'Ensure auditing is configured for the Docker daemon',
    level: 1,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the Docker daemon binary, which runs as root, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /usr/bin/dockerd -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watch on the running dockerd binary', snapshot: auditExample(['-w /usr/bin/dockerd -p rwxa -k docker']), expect: 'PASS' },
      { note: 'exe= rule on the binary', snapshot: auditExample(['-a always,exit -F exe=/usr/bin/dockerd -F perm=x -k docker']), expect: 'PASS' },
      { note: 'rule names another path (Debian /usr/sbin)', snapshot: auditExample(['-w /usr/sbin/dockerd -k docker']), expect: 'FAIL' },
      { note: 'rule removed by a later -D', snapshot: auditExample(['-w /usr/bin/dockerd -k docker', '-D']), expect: 'FAIL' },
      { note: 'never rule first', snapshot: auditExample(['-a never,exit -F path=/usr/bin/dockerd', '-w /usr/bin/dockerd -k docker']), expect: 'FAIL' },
      { note: 'no rules at all', snapshot: {}, expect: 'FAIL' },
      { note: 'dockerd not identified', snapshot: { host: { value: { auditSource: 'auditctl', dockerd: { ok: false, reason: 'no dockerd process found' } } } }, expect: 'UNKNOWN' },
      { note: 'remote daemon', snapshot: REMOTE_EXAMPLE, expect: 'UNKNOWN' },
    ],
  }),
  (context) => {
    const dockerd = context.daemon.dockerd;
    if (!dockerd.ok) return unknown(dockerd.reason);
    if (!dockerd.value.exe) return unknown(`executable of dockerd (pid ${dockerd.value.pid}) unreadable`);
    return { targets: [{ path: dockerd.value.exe, binary: true }], evidence: [`/proc/${dockerd.value.pid}/exe`] };
  },
);
