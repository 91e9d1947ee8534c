import { isRunningState } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, notApplicable, pass, section5Meta, unknown } from './per-container.js';

const SSH_DAEMONS = new Set(['sshd', 'sshd-session', 'sshd-auth', 'dropbear']);

function basename(path: string | undefined): string {
  return (path ?? '').split('/').pop() ?? '';
}

export const check = containerCheck(
  section5Meta({
    cisId: '5.7',
    slug: 'container-no-sshd',
    title: 'Ensure sshd is not run within containers',
    rationale:
      'An SSH daemon in a container is one more service to patch, key material to manage and a way around the access control and audit trail of `docker exec`.',
    remediation: 'Remove the SSH server from the image and use `docker exec` (or the orchestrator) for interactive access.',
    checkExamples: [
      {
        note: 'sshd process in the container',
        snapshot: { host: { value: { containerProcesses: { ['a1b2c3d4'.repeat(8)]: { value: [{ pid: 4242, comm: 'sshd', argv: ['sshd: /usr/sbin/sshd -D'] }] } } } } },
        expect: 'FAIL',
      },
      {
        note: 'processes not collected (remote daemon)',
        snapshot: { host: { ok: false, reason: 'remote daemon' } },
        expect: 'UNKNOWN',
      },
      { note: 'stopped container', snapshot: containerExample({ State: { Status: 'exited', Running: false, Pid: 0 } }), expect: 'NOT_APPLICABLE' },
      { note: 'only nginx runs', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    if (!isRunningState(c.state)) return notApplicable(`not running (${c.state})`);
    const processes = context.runtime.processesOf(c);
    const evidence = [`/host/containerProcesses/${c.id?.slice(0, 12) ?? c.name}`];
    if (!processes.ok) return unknown(`processes not available: ${processes.reason}`, evidence);
    const sshd = processes.value.filter(
      (p) =>
        p.comm.startsWith('sshd') || SSH_DAEMONS.has(basename(p.comm)) || SSH_DAEMONS.has(basename(p.exe)) || SSH_DAEMONS.has(basename(p.argv[0])),
    );
    if (sshd.length > 0) {
      const shown = sshd.map((p) => `pid ${p.pid} ${p.comm}`).join(', ');
      return fail(`SSH daemon running: ${shown}`, shown, evidence);
    }
    return pass(`${processes.value.length} process(es), no SSH daemon`, evidence);
  },
);
