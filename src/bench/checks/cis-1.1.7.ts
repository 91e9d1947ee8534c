import type { BenchCheck } from '../check.js';
import { auditCheck, auditExample, existingTargets } from './audit-coverage.js';
import { cisMeta, daemonUnit, notApplicable, unknown } from './host-common.js';

const UNIT = {
  dockerd: { value: { cgroup: '0::/system.slice/docker.service\n' } },
  systemdIsPid1: { ok: true, value: true },
  units: { 'docker.service': { ok: true, value: { path: '/lib/systemd/system/docker.service', exists: true, type: 'file', mode: 0o644, uid: 0, gid: 0 } } },
};

export const check: BenchCheck = auditCheck(
  cisMeta({
    cisId: '1.1.7',
    slug: 'audit-docker-service-unit',
    title: 'Ensure auditing is configured for Docker files and directories - docker.service',
    level: 2,
    scoring: 'Y',
    automated: true,
    rationale:
      'Auditing records who changed or used the systemd unit that starts the Docker daemon and holds its options, and when. Without a rule, tampering with it leaves no trace for an investigation.',
    remediation:
      'Add a watch such as `-w /lib/systemd/system/docker.service -p wa -k docker` to a file in /etc/audit/rules.d/, then load it with `augenrules --load` (or restart auditd).',
    checkExamples: [
      { note: 'watch on the unit in use', snapshot: auditExample(['-w /lib/systemd/system/docker.service -k docker'], UNIT), expect: 'PASS' },
      { note: 'watch on another copy', snapshot: auditExample(['-w /etc/systemd/system/docker.service -k docker'], UNIT), expect: 'FAIL' },
      { note: 'systemd is not PID 1', snapshot: auditExample([], { ...UNIT, systemdIsPid1: { ok: true, value: false } }), expect: 'NOT_APPLICABLE' },
      { note: 'dockerd not run by a unit', snapshot: auditExample([], { ...UNIT, dockerd: { value: { cgroup: '0::/user.slice/session-3.scope\n' } } }), expect: 'NOT_APPLICABLE' },
    ],
  }),
  (context, host) => {
    if (host.systemdIsPid1?.ok === true && !host.systemdIsPid1.value) return notApplicable('systemd is not PID 1');
    const unit = daemonUnit(context);
    if (unit.kind === 'none') return notApplicable(unit.reason);
    const fragment = host.units[unit.name];
    if (!fragment) return unknown(`unit ${unit.name} was not collected`);
    if (!fragment.ok) return notApplicable(`no ${unit.name} unit file: ${fragment.reason}`);
    if (fragment.value.realPath === '/dev/null') return notApplicable(`${unit.name} is masked`);
    const dropIns = (host.unitDropIns?.[unit.name] ?? []).map((d) => d.path);
    const notes = [...(unit.kind === 'assumed' ? [unit.reason] : []), ...(dropIns.length > 0 ? [`drop-ins (not audit targets): ${dropIns.join(', ')}`] : [])];
    return { targets: [{ path: fragment.value.path }], notes };
  },
);
