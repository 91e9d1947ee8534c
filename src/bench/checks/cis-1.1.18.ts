import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, fileEntry } from './host-common.js';
import { runcCandidates } from './host-binaries.js';

const RUNC = { files: fileEntry('/usr/sbin/runc', { mode: 0o755 }) };

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.18',
    slug: 'audit-runc-binary',
    title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/runc',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'Auditing records who changed or used the runc binary, which creates every container, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /usr/sbin/runc -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /usr/sbin/runc -k docker'], RUNC), expect: 'PASS' },
      { note: 'dbs path on a Debian host', snapshot: auditExample(['-w /usr/bin/runc -k docker'], RUNC), expect: 'FAIL' },
      { note: 'runc not found', snapshot: auditExample([]), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    const found = runcCandidates(context, host);
    const targets = existingTargets(host, found.paths, 'runc binary not found', true);
    if ('targets' in targets && found.note) targets.notes = [found.note];
    return targets;
  },
);
