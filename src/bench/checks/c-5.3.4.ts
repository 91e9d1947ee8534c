import { effectiveCaps } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { capabilitiesFromMask } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  {
    ...section5Meta({
      cisId: 'C.5.3.4',
      slug: 'container-no-cap-sys-ptrace',
      title: 'Ensure the CAP_SYS_PTRACE capability is not granted to containers',
      scoring: 'C',
      rationale: 'SYS_PTRACE lets a process trace and inject code into other processes it can see, including host processes when the PID namespace is shared.',
      remediation: 'Remove `--cap-add SYS_PTRACE` (and `--cap-add ALL`, `--privileged`) from the container.',
      checkExamples: [
        { note: 'added explicitly', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['SYS_PTRACE'] } }), expect: 'FAIL' },
        { note: 'all capabilities added', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['ALL'] } }), expect: 'FAIL' },
        { note: 'privileged', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
        { note: 'not granted', snapshot: {}, expect: 'PASS' },
      ],
    }),
    section: 'C',
  },
  (c, context) => {
    const evidence = [evidenceFor(c, 'capAdd'), evidenceFor(c, 'capDrop'), evidenceFor(c, 'privileged')];
    if (effectiveCaps(c, context.runtime.daemon.defaultCaps).has('CAP_SYS_PTRACE'))
      return fail(c.privileged ? 'privileged: holds CAP_SYS_PTRACE' : 'holds CAP_SYS_PTRACE', 'CAP_SYS_PTRACE', evidence);
    const init = context.runtime.initProcess(c);
    const bounding = init?.status?.['CapBnd'] ? capabilitiesFromMask(init.status['CapBnd']) : undefined;
    if (init && bounding?.includes('CAP_SYS_PTRACE'))
      return fail('kernel bounding set holds CAP_SYS_PTRACE', 'CAP_SYS_PTRACE', [...evidence, `/proc/${init.pid}/status:CapBnd`]);
    return pass(undefined, evidence);
  },
);
