/**
 * An error the serve API answers with its status and a one-line JSON message
 * (`{ "error": "..." }`), instead of a 500 with a stack trace.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;

  /**
   * @param status the HTTP status to answer with (4xx for the caller's mistakes).
   * @param message one line saying what is wrong and, where possible, the fix.
   */
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}
