import { forbiddenCapabilityCheck } from './capability-check.js';

export const check = forbiddenCapabilityCheck({
  cisId: 'C.5.3.3',
  capability: 'SYS_ADMIN',
  rationale:
    'SYS_ADMIN covers mount, namespace and many administrative operations; it is the usual stepping stone out of a container.',
});
