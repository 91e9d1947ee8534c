/**
 * Errors of the Engine API client. `kind` lets callers (and the CLI) react without parsing messages;
 * `message` is written for the user and never includes a stack trace.
 */
export type EngineErrorKind =
  /** Nothing listens at the endpoint (no socket file, connection refused, ssh could not reach docker). */
  | 'daemon-down'
  /** The socket exists but we may not open it. */
  | 'permission'
  /** Unparsable URL, unknown scheme, unknown context, DNS failure. */
  | 'bad-host'
  | 'timeout'
  /** The daemon answered with a non-2xx status (see `status`). */
  | 'http'
  /** TLS handshake or certificate problem, or unreadable TLS material. */
  | 'tls'
  /** The answer was not what the API promises: too large, not JSON, connection cut mid-answer. */
  | 'response';

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  /** HTTP status for `http` errors. */
  readonly status?: number;
  /** The request path (without version prefix), when the error belongs to one request. */
  readonly path?: string;

  constructor(kind: EngineErrorKind, message: string, details: { status?: number; path?: string; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EngineError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.path !== undefined) this.path = details.path;
  }
}

export function isEngineError(error: unknown, kind?: EngineErrorKind): error is EngineError {
  return error instanceof EngineError && (kind === undefined || error.kind === kind);
}
