import type { ModelBackend, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import type { Rng } from '../Rng.js';
import type { Sleep } from './Clock.js';
import { abortedError, systemClock } from './Clock.js';
import { forwardLifecycle } from './forwardLifecycle.js';

/** What `onRetry` is told before each back-off. */
export interface RetryEvent {
  /** The attempt that just failed (1-based). */
  attempt: number;
  /** How long the wrapper will wait before the next attempt. */
  delayMs: number;
  error: ModelError;
}

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** Extra attempts after the first (0 = no retry). */
  retries: number;
  /** Cap of the first back-off; the cap doubles each retry. */
  baseDelayMs: number;
  /** Largest cap. */
  maxDelayMs: number;
  /** Source of the jitter (use a fork of the run's Rng). */
  rng: Rng;
  /** How to wait (default real time). */
  sleep?: Sleep;
  /** Called before each back-off (logging, progress). */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * The back-off before retry number `retry` (0-based): "full jitter", a uniform draw in
 * [0, min(maxDelayMs, baseDelayMs * 2^retry)). Full jitter spreads out clients that failed
 * together, which plain exponential back-off keeps in lock-step (M. Brooker, "Exponential
 * Backoff And Jitter", AWS Architecture Blog, 2015).
 *
 * @param retry 0 for the first retry
 * @param options base, cap and rng
 * @returns the delay in milliseconds
 */
export function backoffDelay(
  retry: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'rng'>,
): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retry);
  return options.rng.next() * cap;
}

/**
 * Retries a backend's calls that failed for a reason that may pass (Concordia's `retry_wrapper`).
 *
 * 1. Retries only retryable `ModelError`s (connection, timeout, busy, server, bad-response);
 *    not-found, bad-request, aborted, limit and non-`ModelError` exceptions are thrown at once.
 * 2. Waits `backoffDelay(retry)` between attempts (exponential with full jitter from `rng`).
 * 3. An abort of `request.signal` while waiting ends the call with `ModelError('aborted')`.
 * 4. When it gives up, the error keeps the last error's kind, status and host, and its message
 *    says how many attempts were made; the last error is its `cause`.
 *
 * @param backend the backend to wrap
 * @param options retries, back-off and randomness
 * @returns a backend with the same info that retries
 */
export function withRetry(backend: ModelBackend, options: RetryOptions): ModelBackend {
  const sleep = options.sleep ?? systemClock.sleep;
  const maxAttempts = Math.max(1, Math.floor(options.retries) + 1);
  return {
    ...forwardLifecycle(backend),
    async generate(request): Promise<ModelResponse> {
      for (let attempt = 1; ; attempt++) {
        if (request.signal?.aborted) throw abortedError(request.signal);
        try {
          return await backend.generate(request);
        } catch (error) {
          if (request.signal?.aborted) throw abortedError(request.signal);
          if (!(error instanceof ModelError) || error.kind === 'aborted') throw error;
          if (!error.retryable) throw attempt === 1 ? error : gaveUp(error, attempt);
          if (attempt >= maxAttempts) throw gaveUp(error, attempt);
          const delayMs = backoffDelay(attempt - 1, options);
          options.onRetry?.({ attempt, delayMs, error });
          await sleep(delayMs, request.signal);
        }
      }
    },
  };
}

function gaveUp(error: ModelError, attempts: number): ModelError {
  const plural = attempts === 1 ? 'attempt' : 'attempts';
  return new ModelError(error.kind, `${error.message} (gave up after ${attempts} ${plural})`, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.host === undefined ? {} : { host: error.host }),
    cause: error,
  });
}
