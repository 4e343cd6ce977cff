import { httpFetch } from './httpFetch.js';

/** A per-call deadline: one signal for the caller's cancellation and the timeout, and a fetch bound to it. */
export interface Deadline {
  /** Aborts when the caller aborts or the timeout fires. */
  readonly signal: AbortSignal;
  /**
   * `fetch` that also aborts on `signal` (merged with any signal the client passes itself); it is
   * `httpFetch`, which reads each answer whole: stream a large download with the global fetch and
   * `signal` instead.
   */
  readonly fetch: typeof fetch;
  /** True when the timeout (not the caller) aborted the call. */
  timedOut(): boolean;
  /** Clears the timer; call in `finally`. */
  dispose(): void;
}

/**
 * Combines a caller's AbortSignal with a per-request timeout, and makes a fetch that honours both.
 *
 * Intuition: HTTP clients such as ChatOllama and the `ollama` client do not forward a caller's
 * signal to fetch, so a hung server holds the call forever; handing them this fetch makes
 * cancellation and timeouts reach the socket. The fetch is `httpFetch` (Node's HTTP client, kept-alive
 * connections, answers read whole). Behaviour: `signal` aborts with the caller's reason,
 * or with a TimeoutError after `timeoutMs`; `timedOut()` tells the two apart.
 *
 * @param timeoutMs Milliseconds until the call is abandoned (Infinity or <= 0: never).
 * @param callerSignal The caller's signal, if any.
 * @returns The deadline.
 */
export function withDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  let fired = false;
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          fired = true;
          controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const signal = controller.signal;
  const boundFetch: typeof fetch = (input, init) =>
    httpFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
  return {
    signal,
    fetch: boundFetch,
    timedOut: () => fired,
    dispose: () => {
      if (timer) clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}
