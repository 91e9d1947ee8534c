import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, fileEntry } from './host-common.js';
import { binaryCandidates } from './host-binaries.js';

const BIN = { files: fileEntry('/usr/bin/containerd-shim-runc-v1', { mode: 0o755 }) };

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.16',
    slug: 'audit-containerd-shim-runc-v1-binary',
    title: 'Ensure auditing is configured for Docker files and directories - /usr/bin/containerd-shim-runc-v1',
    level: 2,
    scoring: 'Y',
    automated: false,
    rationale:
      'Auditing records who changed or used the containerd-shim-runc-v1 binary, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /usr/bin/containerd-shim-runc-v1 -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /usr/bin/containerd-shim-runc-v1 -k docker'], BIN), expect: 'PASS' },
      { note: 'watch on another path', snapshot: auditExample(['-w /usr/local/bin/containerd-shim-runc-v1 -k docker'], BIN), expect: 'FAIL' },
      { note: 'binary absent', snapshot: auditExample([], { files: fileEntry('/usr/bin/containerd-shim-runc-v1', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (_context, host) => existingTargets(host, binaryCandidates(host, 'containerd-shim-runc-v1'), 'no containerd-shim-runc-v1 binary found', true),
);
