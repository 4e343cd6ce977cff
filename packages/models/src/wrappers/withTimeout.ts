import type { ModelBackend, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import type { Clock } from './Clock.js';
import { abortedError, systemClock } from './Clock.js';
import { forwardLifecycle } from './forwardLifecycle.js';
import { onAbort } from './onAbort.js';

/**
 * Bounds each call's duration, whatever the backend does with its signal: the backend stack
 * puts it around every adapter, so `--timeout` holds for a backend with no timeout of its own.
 *
 * 1. The inner backend gets a signal that aborts when the caller's signal aborts or `ms` pass,
 *    whichever comes first (the caller's own signal is never aborted by the wrapper).
 * 2. Past `ms` the call raises `ModelError('timeout')` even if the inner backend ignores its
 *    signal (a server that never answers cannot hold a worker); a caller's abort raises
 *    `ModelError('aborted')`.
 * 3. `ready()` is bounded by the same limit.
 * 4. The timer is cancelled when the call settles, so nothing lingers.
 *
 * @param backend the backend to wrap
 * @param ms the per-request timeout in milliseconds
 * @param options `clock` for deterministic tests (default real time)
 * @returns a backend with the same info whose calls time out
 */
export function withTimeout(
  backend: ModelBackend,
  ms: number,
  options: { clock?: Clock } = {},
): ModelBackend {
  const clock = options.clock ?? systemClock;
  const timeoutError = (what: string): ModelError => {
    const info = backend.info();
    const host = info.hosts?.[0];
    const where = host === undefined ? info.id : `${host} (${info.id})`;
    return new ModelError(
      'timeout',
      `no ${what} from ${where} within ${ms} ms — raise the timeout (--timeout) or lower the load`,
      host === undefined ? {} : { host },
    );
  };
  const wrapped: ModelBackend = {
    ...forwardLifecycle(backend),
    async generate(request): Promise<ModelResponse> {
      const caller = request.signal;
      if (caller?.aborted) throw abortedError(caller);
      const inner = new AbortController();
      let outcome: 'timeout' | 'aborted' | undefined;
      let interrupt: ((error: ModelError) => void) | undefined;
      const interrupted = new Promise<never>((_, reject) => {
        interrupt = reject;
      });
      const stop = (kind: 'timeout' | 'aborted', error: ModelError): void => {
        if (outcome !== undefined) return;
        outcome = kind;
        inner.abort(error);
        interrupt?.(error);
      };
      const stopWaiting = caller ? onAbort(caller, () => stop('aborted', abortedError(caller))) : undefined;
      const cancelTimer = clock.setTimer(ms, () => stop('timeout', timeoutError('complete answer')));
      try {
        return await Promise.race([backend.generate({ ...request, signal: inner.signal }), interrupted]);
      } catch (error) {
        if (outcome === 'timeout') throw inner.signal.reason as ModelError;
        if (outcome === 'aborted') throw abortedError(caller);
        throw error;
      } finally {
        cancelTimer();
        stopWaiting?.();
        interrupted.catch(() => undefined);
      }
    },
  };
  if (backend.ready) {
    const ready = backend.ready.bind(backend);
    wrapped.ready = async () => {
      let cancelTimer = (): void => undefined;
      const timedOut = new Promise<never>((_, reject) => {
        cancelTimer = clock.setTimer(ms, () => reject(timeoutError('answer to the readiness check')));
      });
      try {
        await Promise.race([ready(), timedOut]);
      } finally {
        cancelTimer();
      }
    };
  }
  return wrapped;
}
