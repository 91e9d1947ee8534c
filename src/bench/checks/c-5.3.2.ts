import { forbiddenCapabilityCheck } from './capability-check.js';

export const check = forbiddenCapabilityCheck({
  cisId: 'C.5.3.2',
  capability: 'SYS_MODULE',
  rationale:
    'SYS_MODULE lets a process load kernel modules: full control of the host kernel.',
});
