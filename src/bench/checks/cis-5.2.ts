import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, infoExample, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.2',
    slug: 'container-apparmor-profile',
    title: 'Ensure that, if applicable, an AppArmor profile is enabled',
    rationale:
      'An AppArmor profile limits which files, capabilities and mounts a containerised process may use, a second line of defence if the container is compromised.',
    remediation:
      'Keep the default `docker-default` profile or set a tailored one with `--security-opt apparmor=PROFILE`; never run with `apparmor=unconfined` or `--privileged`.',
    checkExamples: [
      { note: 'unconfined profile', snapshot: containerExample({ AppArmorProfile: 'unconfined' }), expect: 'FAIL' },
      {
        note: 'never started, privileged',
        snapshot: containerExample({ AppArmorProfile: '', State: { Status: 'created', Running: false, Pid: 0 }, HostConfig: { Privileged: true } }),
        expect: 'FAIL',
      },
      { note: 'host without AppArmor', snapshot: infoExample({ SecurityOptions: ['name=seccomp,profile=builtin'] }), expect: 'NOT_APPLICABLE' },
      { note: 'docker-default profile', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'appArmorProfile'), evidenceFor(c, 'securityOpt')];
    let profile: string;
    if (c.appArmorProfile) profile = c.appArmorProfile;
    else if (c.securityOpt.apparmor !== undefined) profile = c.securityOpt.apparmor;
    else if (c.privileged) profile = 'unconfined';
    else profile = 'docker-default';
    if (profile === 'unconfined') return fail('runs without an AppArmor profile', `profile=${profile}`, evidence);
    // A running container's actual label (/proc/PID/attr/current) wins: unconfined or complain mode fails.
    const init = context.runtime.initProcess(c);
    const label = init?.securityLabel?.trim();
    if (init && label && (label === 'unconfined' || label.includes('(complain)')))
      return fail(`the kernel reports AppArmor label "${label}"`, label, [...evidence, `/proc/${init.pid}/attr/current`]);
    return pass(`profile=${profile}`, evidence);
  },
  (context) => {
    const { apparmor } = context.runtime.daemon;
    if (apparmor === undefined) return { status: 'UNKNOWN', reason: 'daemon SecurityOptions not read' };
    if (!apparmor) return { status: 'NOT_APPLICABLE', reason: 'AppArmor is not enabled on the daemon', evidence: ['/engine/info#SecurityOptions'] };
    return undefined;
  },
);
