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

/**
 * Reports an error that escaped a command on stderr, as one line, and returns the exit status: 2 for a
 * usage error, 3 for anything else (a bug). Stack traces only on request (DOCKSEC_DEBUG=1).
 */
export function reportError(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`docksec: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`docksec: internal error: ${message}\n`);
  if (process.env.DOCKSEC_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return EXIT_INTERNAL;
}
