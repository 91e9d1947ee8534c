import { evidenceFor } from '../../runtime/model.js';
import { containerCheck, containerExample, fail, infoExample, pass, section5Meta, unknown } from './per-container.js';

export const check = containerCheck(
  section5Meta({
    cisId: '5.11',
    slug: 'container-memory-limit',
    title: 'Ensure that the memory usage for containers is limited',
    rationale:
      'Without a memory limit one container can exhaust host memory and trigger the OOM killer against other containers or the daemon itself: a denial of service.',
    remediation: 'Set a limit with `--memory` (compose: `mem_limit` or `deploy.resources.limits.memory`) sized for the workload.',
    checkExamples: [
      { note: 'no limit', snapshot: containerExample({ HostConfig: { Memory: 0 } }), expect: 'FAIL' },
      { note: 'limit set but kernel cannot enforce it', snapshot: infoExample({ MemoryLimit: false }), expect: 'FAIL' },
      { note: '256 MiB limit', snapshot: {}, expect: 'PASS' },
    ],
  }),
  (c, context) => {
    const evidence = [evidenceFor(c, 'memory'), '/engine/info#MemoryLimit'];
    if (c.memory === undefined) return unknown('memory limit not present in the container configuration', evidence);
    if (c.memory <= 0) return fail('no memory limit', 'Memory=0', evidence);
    const enforced = context.runtime.daemon.memoryLimit;
    if (enforced === false) return fail('memory limit set but the daemon reports it cannot enforce limits', `Memory=${c.memory}`, evidence);
    if (enforced === undefined) return unknown('cannot tell whether the daemon enforces memory limits (/info.MemoryLimit missing)', evidence);
    return pass(`Memory=${c.memory}`, evidence);
  },
);
