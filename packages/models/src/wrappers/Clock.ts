import { ModelError } from '../ModelError.js';

/**
 * Waits `ms` milliseconds; rejects with `ModelError('aborted')` as soon as `signal` aborts.
 *
 * @param ms how long to wait (negative counts as 0)
 * @param signal cancels the wait
 * @returns a promise that resolves after the wait
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Time as the wrappers see it. Retry back-off, timeouts and the endpoint pool's cool-downs read
 * time only through a `Clock`, so tests swap in a `ManualClock` and never wait for real time.
 */
export interface Clock {
  /** Milliseconds since some fixed origin (only differences matter). */
  now(): number;
  sleep: Sleep;
  /**
   * Calls `fire` after `ms` unless cancelled first: the cheap form of `sleep` for a deadline that
   * almost never fires (no promise, no abort signal, no error object when it is cancelled).
   * @returns cancels the timer
   */
  setTimer(ms: number, fire: () => void): () => void;
}

/**
 * The error a cancelled call raises: `ModelError('aborted')`, with the signal's reason as cause.
 *
 * @param signal the signal that aborted
 * @returns the error to throw
 */
export function abortedError(signal: AbortSignal | undefined): ModelError {
  const reason: unknown = signal?.reason;
  return new ModelError('aborted', 'the call was cancelled', reason === undefined ? {} : { cause: reason });
}

/**
 * The real clock: `Date.now()` and `setTimeout`; a sleep's timer is cleared when its signal
 * aborts, a `setTimer` timer when it is cancelled. Timers are not unref'd on purpose: a run waiting out a back-off must keep the
 * process alive.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortedError(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortedError(signal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  setTimer: (ms, fire) => {
    const timer = setTimeout(fire, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};
