import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.27',
    slug: 'container-healthcheck',
    title: 'Ensure that container health is checked at runtime',
    rationale:
      'A health check lets the engine and orchestrators notice a container that runs but no longer serves (hung, compromised, out of resources) and act on it.',
    remediation: 'Add a `HEALTHCHECK` to the image or pass `--health-cmd` at run time; do not use `--no-healthcheck` / `HEALTHCHECK NONE`.',
    checkExamples: [
      { note: 'no healthcheck', snapshot: containerExample({ Config: { Healthcheck: null } }), expect: 'FAIL' },
      { note: 'healthcheck disabled', snapshot: containerExample({ Config: { Healthcheck: { Test: ['NONE'] } } }), expect: 'FAIL' },
      { note: 'healthcheck configured', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c) => {
    const evidence = [evidenceFor(c, 'healthcheck'), ...(c.healthStatus ? [evidenceFor(c, 'healthStatus')] : [])];
    const test = c.healthcheck?.test ?? [];
    if (test.length === 0) return fail('no health check configured', undefined, evidence);
    if (test[0] === 'NONE') return fail('health check disabled (NONE)', undefined, evidence);
    return pass(`${test.join(' ')}${c.healthStatus ? ` (status: ${c.healthStatus})` : ''}`, evidence);
  },
);
