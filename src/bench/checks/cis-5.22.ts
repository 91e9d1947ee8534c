import { effectiveSeccomp } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, infoExample, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.22',
    slug: 'container-seccomp-enabled',
    title: "Ensure the default seccomp profile is not disabled",
    rationale:
      'The seccomp profile blocks dozens of rarely needed, risky system calls (kernel module loading, keyring, clock changes...), shrinking the kernel attack surface. Privileged containers and a daemon-wide `unconfined` profile lose it silently.',
    remediation: 'Remove `--security-opt seccomp=unconfined` and `--privileged`; if a call is needed, use a custom profile that allows just it.',
    checkExamples: [
      { note: 'seccomp=unconfined', snapshot: containerExample({ HostConfig: { SecurityOpt: ['no-new-privileges:true', 'seccomp=unconfined'] } }), expect: 'FAIL' },
      { note: 'privileged (implicitly unconfined)', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
      { note: 'daemon-wide unconfined', snapshot: infoExample({ SecurityOptions: ['name=apparmor', 'name=seccomp,profile=unconfined'] }), expect: 'FAIL' },
      { note: 'kernel without seccomp', snapshot: infoExample({ SecurityOptions: ['name=apparmor'] }), expect: 'FAIL' },
      { note: 'kernel shows no filter on the running container', snapshot: { host: { value: { containerProcesses: { ['a1b2c3d4'.repeat(8)]: { value: [{ status: { Seccomp: '0' } }] } } } } }, expect: 'FAIL' },
      { note: 'default profile', snapshot: {}, expect: 'PASS' },
      { note: 'custom profile', snapshot: containerExample({ HostConfig: { SecurityOpt: ['seccomp={"defaultAction":"SCMP_ACT_ERRNO"}', 'no-new-privileges'] } }), expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'securityOpt'), evidenceFor(c, 'privileged'), '/engine/info#SecurityOptions'];
    const seccomp = effectiveSeccomp(c, context.runtime.daemon.seccompProfile);
    // The kernel's view of a running container overrides the configuration (`Seccomp: 0` = no filter).
    const init = context.runtime.initProcess(c);
    const kernel = init?.status?.['Seccomp']?.trim();
    if (init && kernel !== undefined) {
      const procEvidence = [...evidence, `/proc/${init.pid}/status:Seccomp`];
      if (kernel === '0') return fail('runs without seccomp: the kernel reports no filter (Seccomp: 0)', 'seccomp=unconfined', procEvidence);
      if (seccomp.mode === undefined) return pass(`seccomp filter active (Seccomp: ${kernel})`, procEvidence);
    }
    if (seccomp.mode === undefined) return unknown(seccomp.why, evidence);
    if (seccomp.mode === 'unconfined') return fail(`runs without seccomp: ${seccomp.why}`, 'seccomp=unconfined', evidence);
    return pass(`seccomp ${seccomp.mode} (${seccomp.why})`, evidence);
  },
);
