import { effectiveCaps } from '../../runtime/effective.js';
import { evidenceFor } from '../../runtime/model.js';
import { capabilitiesFromMask } from '../runtime-view.js';
import { containerCheck, containerExample, fail, pass, section5Meta } from './per-container.js';

export const check = containerCheck(
  {
    ...section5Meta({
      cisId: 'C.5.3.1',
      slug: 'container-no-cap-dac-read-search',
      title: 'Ensure the CAP_DAC_READ_SEARCH capability is not granted to containers',
      scoring: 'C',
      rationale: 'DAC_READ_SEARCH lets a process bypass file read permission checks and, with open_by_handle_at, read arbitrary host files (the "shocker" escape).',
      remediation: 'Remove `--cap-add DAC_READ_SEARCH` (and `--cap-add ALL`, `--privileged`) from the container.',
      checkExamples: [
        { note: 'added explicitly', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['DAC_READ_SEARCH'] } }), expect: 'FAIL' },
        { note: 'all capabilities added', snapshot: containerExample({ HostConfig: { CapDrop: null, CapAdd: ['ALL'] } }), expect: 'FAIL' },
        { note: 'privileged', snapshot: containerExample({ HostConfig: { Privileged: true } }), expect: 'FAIL' },
        { note: 'not granted', snapshot: {}, expect: 'PASS' },
      ],
    }),
    section: 'C',
  },
  (c, context) => {
    const evidence = [evidenceFor(c, 'capAdd'), evidenceFor(c, 'capDrop'), evidenceFor(c, 'privileged')];
    if (effectiveCaps(c, context.runtime.daemon.defaultCaps).has('CAP_DAC_READ_SEARCH'))
      return fail(c.privileged ? 'privileged: holds CAP_DAC_READ_SEARCH' : 'holds CAP_DAC_READ_SEARCH', 'CAP_DAC_READ_SEARCH', evidence);
    const init = context.runtime.initProcess(c);
    const bounding = init?.status?.['CapBnd'] ? capabilitiesFromMask(init.status['CapBnd']) : undefined;
    if (init && bounding?.includes('CAP_DAC_READ_SEARCH'))
      return fail('kernel bounding set holds CAP_DAC_READ_SEARCH', 'CAP_DAC_READ_SEARCH', [...evidence, `/proc/${init.pid}/status:CapBnd`]);
    return pass(undefined, evidence);
  },
);
