import { effectiveCaps } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { capabilitiesFromMask } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  {
    ...section5Meta({
      cisId: 'C.5.3.2',
      slug: 'container-no-cap-sys-module',
      title: 'Ensure the CAP_SYS_MODULE capability is not granted to containers',
      scoring: 'C',
      rationale: 'SYS_MODULE lets a process load kernel modules: full control of the host kernel.',
      remediation: 'Remove `--cap-add SYS_MODULE` (and `--cap-add ALL`, `--privileged`) from the container.',
      checkExamples: [
        { note: 'added explicitly', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['SYS_MODULE'] } }), expect: 'FAIL' },
        { note: 'all capabilities added', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['ALL'] } }), expect: 'FAIL' },
        { note: 'privileged', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
        { note: 'not granted', snapshot: {}, expect: 'PASS' },
      ],
    }),
    section: 'C',
  },
  (c, context) => {
    const evidence = [evidenceFor(c, 'capAdd'), evidenceFor(c, 'capDrop'), evidenceFor(c, 'privileged')];
    if (effectiveCaps(c, context.runtime.daemon.defaultCaps).has('CAP_SYS_MODULE'))
      return fail(c.privileged ? 'privileged: holds CAP_SYS_MODULE' : 'holds CAP_SYS_MODULE', 'CAP_SYS_MODULE', evidence);
    const init = context.runtime.initProcess(c);
    const bounding = init?.status?.['CapBnd'] ? capabilitiesFromMask(init.status['CapBnd']) : undefined;
    if (init && bounding?.includes('CAP_SYS_MODULE'))
      return fail('kernel bounding set holds CAP_SYS_MODULE', 'CAP_SYS_MODULE', [...evidence, `/proc/${init.pid}/status:CapBnd`]);
    return pass(undefined, evidence);
  },
);
