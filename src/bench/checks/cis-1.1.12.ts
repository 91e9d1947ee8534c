import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, fileEntry } from './host-common.js';
import { lastFlag, parseDaemonArgv } from '../collector/daemon-args.js';

const CONF = { files: fileEntry('/etc/containerd/config.toml', {}) };

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.12',
    slug: 'audit-containerd-config',
    title: 'Ensure auditing is configured for Docker files and directories - /etc/containerd/config.toml',
    level: 2,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the containerd configuration, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /etc/containerd/config.toml -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watched', snapshot: auditExample(['-w /etc/containerd/config.toml -p wa -k docker'], CONF), expect: 'PASS' },
      { note: 'not watched', snapshot: auditExample(['-w /etc/containerd -p r'], { ...CONF, containerd: { value: { argv: ['/usr/bin/containerd', '--config', '/opt/containerd.toml'] } }, files: fileEntry('/opt/containerd.toml', {}) }), expect: 'FAIL' },
      { note: 'absent', snapshot: auditExample([], { files: fileEntry('/etc/containerd/config.toml', { exists: false }) }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    let path = '/etc/containerd/config.toml';
    const containerd = host.containerd;
    const dockerdPid = context.daemon.dockerd.ok ? context.daemon.dockerd.value.pid : undefined;
    // A containerd started by dockerd reads the config dockerd generates, never a target; system containerd reads -c/--config.
    if (containerd.ok && containerd.value.ppid !== dockerdPid) {
      const parsed = parseDaemonArgv(containerd.value.argv);
      path = lastFlag(parsed, 'config') ?? lastFlag(parsed, 'c') ?? path;
    }
    return existingTargets(host, [path], `${path} does not exist`);
  },
);
