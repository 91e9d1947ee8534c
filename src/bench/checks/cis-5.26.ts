import { effectiveNoNewPrivileges } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, infoExample, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.26',
    slug: 'container-no-new-privileges',
    title: 'Ensure that the container is restricted from acquiring additional privileges',
    rationale:
      'no-new-privileges stops setuid/setgid binaries and file capabilities from raising a process’s privileges inside the container, closing a common escalation path.',
    remediation: 'Run with `--security-opt no-new-privileges` (compose: `security_opt: [no-new-privileges:true]`) or set `"no-new-privileges": true` in daemon.json.',
    checkExamples: [
      { note: 'not set, daemon default off', snapshot: containerExample({ HostConfig: { SecurityOpt: null } }), expect: 'FAIL' },
      {
        note: 'daemon sets it, container turns it off',
        snapshot: infoExample(
          { SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=no-new-privileges'] },
          { HostConfig: { SecurityOpt: ['no-new-privileges=false'] } },
        ),
        expect: 'FAIL',
      },
      {
        note: 'old engine, daemon default unknown, container sets it itself',
        snapshot: { engine: { version: { value: { Version: '20.10.24' } } }, host: { ok: false, reason: 'remote daemon' } },
        expect: 'PASS',
      },
      {
        note: 'old engine, no host access, container does not set it',
        snapshot: {
          engine: { version: { value: { Version: '20.10.24' } }, containers: { value: [{ HostConfig: { SecurityOpt: null } }] } },
          host: { ok: false, reason: 'remote daemon' },
        },
        expect: 'UNKNOWN',
      },
      { note: 'kernel shows NoNewPrivs 0 on the running container', snapshot: { host: { value: { containerProcesses: { ['a1b2c3d4'.repeat(8)]: { value: [{ status: { NoNewPrivs: '0' } }] } } } } }, expect: 'FAIL' },
      { note: 'container sets it', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const daemon = context.runtime.daemon;
    const evidence = [evidenceFor(c, 'securityOpt'), ...(daemon.noNewPrivilegesEvidence ? [daemon.noNewPrivilegesEvidence] : [])];
    // The kernel's view of a running container overrides the configuration.
    const init = context.runtime.initProcess(c);
    const kernel = init?.status?.['NoNewPrivs']?.trim();
    if (init && (kernel === '0' || kernel === '1')) {
      const procEvidence = [...evidence, `/proc/${init.pid}/status:NoNewPrivs`];
      return kernel === '1'
        ? pass('kernel reports NoNewPrivs: 1', procEvidence)
        : fail('can gain privileges (kernel reports NoNewPrivs: 0)', 'no-new-privileges=false', procEvidence);
    }
    const nnp = effectiveNoNewPrivileges(c, daemon.noNewPrivileges);
    if (nnp.value === undefined) return unknown(nnp.why, evidence);
    return nnp.value ? pass(nnp.why, evidence) : fail(`can gain privileges (${nnp.why})`, 'no-new-privileges=false', evidence);
  },
);
