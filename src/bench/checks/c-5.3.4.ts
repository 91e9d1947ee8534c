import { forbiddenCapabilityCheck } from './capability-check.js';

export const check = forbiddenCapabilityCheck({
  cisId: 'C.5.3.4',
  capability: 'SYS_PTRACE',
  rationale:
    'SYS_PTRACE lets a process trace and inject code into other processes it can see, including host processes when the PID namespace is shared.',
});
