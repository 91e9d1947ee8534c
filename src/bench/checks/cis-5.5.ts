import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.5',
    slug: 'container-not-privileged',
    title: 'Ensure that privileged containers are not used',
    rationale:
      'A privileged container gets every capability, all host devices and no seccomp, AppArmor or SELinux confinement: root in it is effectively root on the host. A created or stopped privileged container is one `docker start` away, so every state counts.',
    remediation: 'Recreate the container without `--privileged`, granting only the specific capabilities or devices it needs.',
    checkExamples: [
      { note: 'privileged, running', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
      {
        note: 'privileged, never started',
        snapshot: containerExample({ State: { Status: 'created', Running: false, Pid: 0 }, HostConfig: { Privileged: true } }),
        expect: 'FAIL',
      },
      { note: 'not privileged', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'privileged')];
    return c.privileged ? fail(`privileged container (${c.state})`, 'Privileged=true', evidence) : pass(undefined, evidence);
  },
);
