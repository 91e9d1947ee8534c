import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, fileEntry, unknown } from './host-common.js';

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.5',
    slug: 'audit-docker-data-root',
    title: 'Ensure auditing is configured for Docker files and directories - /var/lib/docker',
    level: 1,
    scoring: 'Y',
    automated: false,
    rationale:
      'Auditing records who changed or used the Docker data root (images, containers, volumes), and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /var/lib/docker -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watch on the data root', snapshot: auditExample(['-w /var/lib/docker -p wa -k docker'], { files: fileEntry('/var/lib/docker', { type: 'dir', mode: 0o710 }) }), expect: 'PASS' },
      { note: 'only a never rule', snapshot: auditExample(['-a never,exit -F dir=/var/lib/docker'], { files: fileEntry('/var/lib/docker', { type: 'dir', mode: 0o710 }) }), expect: 'FAIL' },
      { note: 'data root absent', snapshot: auditExample([], { files: fileEntry('/var/lib/docker', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    const root = context.daemon.get('data-root');
    if (typeof root.value !== 'string') return unknown(`data root unknown: ${root.unknown ?? 'not reported'}`);
    // userns-remap nests the root in `<uid>.<gid>`: the data root proper is its parent.
    const remapped = /^(.*)\/\d+\.\d+$/.exec(root.value);
    const userns = context.daemon.securityOptions?.some((o) => o.includes('name=userns')) === true;
    const path = userns && remapped?.[1] ? remapped[1] : root.value;
    const targets = existingTargets(host, [path], `data root ${path} does not exist`);
    if ('targets' in targets) targets.evidence = root.evidence;
    return targets;
  },
);
