import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.31',
    slug: 'container-no-host-userns',
    title: "Ensure that the host's user namespaces are not shared",
    rationale:
      "With `--userns=host` the container opts out of user-namespace remapping, so root in the container is root on the host.",
    remediation: 'Run the container without `--userns=host` and enable user-namespace remapping on the daemon (see 2.9).',
    checkExamples: [
      { note: 'host namespace', snapshot: containerExample({ HostConfig: { UsernsMode: 'host' } }), expect: 'FAIL' },
      { note: 'private namespace', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'usernsMode')];
    if (c.usernsMode === 'host') return fail('shares the host user namespace', 'UsernsMode=host', evidence);
    const { userns, rootless } = context.runtime.daemon;
    if (userns === false && rootless === false)
      return pass(`UsernsMode=${c.usernsMode || '""'}; note: without userns-remap or rootless every container shares the host user namespace anyway (see 2.9)`, evidence);
    return pass(`UsernsMode=${c.usernsMode || '""'}`, evidence);
  },
);
