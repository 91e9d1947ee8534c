import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { apiSocketPaths, cisMeta, fileEntry } from './host-common.js';

const SOCK = {
  apiSockets: ['/var/run/docker.sock'],
  files: {
    ...fileEntry('/var/run/docker.sock', { type: 'socket', mode: 0o660, gid: 999, realPath: '/run/docker.sock' }),
    ...fileEntry('/run/docker.sock', { type: 'socket', mode: 0o660, gid: 999 }),
    ...fileEntry('/var/run', { type: 'symlink', realPath: '/run', mode: 0o777 }),
  },
};

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.9',
    slug: 'audit-docker-socket',
    title: 'Ensure auditing is configured for Docker files and directories - docker.socket',
    level: 2,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the Docker API socket, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /run/docker.sock -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'socket watched', snapshot: auditExample(['-w /run/docker.sock -k docker'], SOCK), expect: 'PASS' },
      { note: 'only the docker.socket unit file is watched', snapshot: auditExample(['-w /lib/systemd/system/docker.socket -k docker'], SOCK), expect: 'FAIL' },
      { note: 'TCP only: no unix socket', snapshot: auditExample([], { apiSockets: ['/var/run/docker.sock'], files: fileEntry('/var/run/docker.sock', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => existingTargets(host, apiSocketPaths(context, host), 'no unix API socket (TCP only)'),
);
