import { execReviewCheck } from './exec-review-check.js';

export const check = execReviewCheck({
  cisId: '5.24',
  slug: 'exec-no-root-user',
  title: "Ensure that docker exec commands are not used with the user=root option",
  rationale:
    "An exec session as root inside a container that normally runs as another user bypasses the isolation the image author chose.",
  remediation: 'Do not use `docker exec --user root` (or `0`/`0:0`); review `ausearch -k docker` audit records for past use.',
});
