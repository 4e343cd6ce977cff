/** Why a model call failed. */
export type ModelErrorKind =
  | 'connection' // refused, reset, DNS: the server could not be reached
  | 'timeout' // no complete answer within the per-request timeout
  | 'busy' // 503 / 429: the server is overloaded
  | 'server' // other 5xx
  | 'not-found' // the model does not exist on the server
  | 'bad-request' // other 4xx: retrying will not help
  | 'bad-response' // malformed or truncated body
  | 'aborted' // cancelled by the caller
  | 'limit'; // a call limit was reached

const RETRYABLE: ReadonlySet<ModelErrorKind> = new Set([
  'connection',
  'timeout',
  'busy',
  'server',
  'bad-response',
]);

/**
 * The one error type backends throw. `kind` says what happened, `retryable` whether asking
 * again may help; the message is one line that names the host and, where there is one, the fix.
 */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly kind: ModelErrorKind;
  readonly status: number | undefined;
  readonly host: string | undefined;

  constructor(
    kind: ModelErrorKind,
    message: string,
    opts: { status?: number; host?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.kind = kind;
    this.status = opts.status;
    this.host = opts.host;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}
