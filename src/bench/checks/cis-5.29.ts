import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.29',
    slug: 'container-pids-limit',
    title: 'Ensure that the PIDs cgroup limit is used',
    rationale: 'Without a PIDs limit a fork bomb in one container can exhaust the host process table and take down every workload.',
    remediation: 'Set `--pids-limit` (compose: `pids_limit` or `deploy.resources.limits.pids`) to a value suited to the workload.',
    checkExamples: [
      { note: 'no limit', snapshot: containerExample({ HostConfig: { PidsLimit: null } }), expect: 'FAIL' },
      { note: 'unlimited (-1)', snapshot: containerExample({ HostConfig: { PidsLimit: -1 } }), expect: 'FAIL' },
      { note: 'limit 100', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'pidsLimit')];
    if (c.pidsLimit === undefined) return unknown('PidsLimit not present in the container configuration', evidence);
    if (c.pidsLimit === null || c.pidsLimit <= 0) return fail('no PIDs limit', `PidsLimit=${c.pidsLimit}`, evidence);
    return pass(`PidsLimit=${c.pidsLimit}`, evidence);
  },
);
