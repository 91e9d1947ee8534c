import { forbiddenCapabilityCheck } from './capability-check.js';

export const check = forbiddenCapabilityCheck({
  cisId: 'C.5.3.1',
  capability: 'DAC_READ_SEARCH',
  rationale:
    'DAC_READ_SEARCH lets a process bypass file read permission checks and, with open_by_handle_at, read arbitrary host files (the "shocker" escape).',
});
