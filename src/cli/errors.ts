/** Errors the CLI turns into a one-line message and an exit status (never a stack trace). */

/** Bad command line or unusable input: exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
/** Findings at or above the failure threshold (Hadolint's failure status). */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A bug in docksec. */
export const EXIT_INTERNAL = 3;
