import { execReviewCheck } from './exec-review-check.js';

export const check = execReviewCheck({
  cisId: '5.23',
  slug: 'exec-no-privileged',
  title: "Ensure that docker exec commands are not used with the privileged option",
  rationale:
    "A privileged `docker exec` session gets every capability and escapes the container's confinement for as long as it runs.",
  remediation: 'Do not use `docker exec --privileged`; review `ausearch -k docker` audit records for past use.',
});
