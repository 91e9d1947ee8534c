import { evidenceFor } from '../../runtime/model.js';
import { sharesHostNamespace } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.21',
    slug: 'container-no-host-uts',
    title: "Ensure that the host's UTS namespace is not shared",
    rationale:
      "Sharing the host UTS namespace lets the container change the host's hostname and domain name.",
    remediation: 'Run the container without `--uts=host`.',
    checkExamples: [
      { note: 'host namespace', snapshot: containerExample({ HostConfig: { UTSMode: 'host' } }), expect: 'FAIL' },
      { note: 'private namespace', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'utsMode')];
    if (c.utsMode === 'host') return fail('shares the host UTS namespace', 'UTSMode=host', evidence);
    if (sharesHostNamespace(context.runtime, c, 'uts') === true)
      return fail('the kernel shows the host UTS namespace (same /proc/PID/ns/uts as host PID 1)', undefined, [...evidence, `/proc/${c.pid}/ns/uts`]);
    return pass(`UTSMode=${c.utsMode || '""'}`, evidence);
  },
);
