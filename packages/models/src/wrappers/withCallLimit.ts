import type { ModelBackend, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { forwardLifecycle } from './forwardLifecycle.js';

/** A backend that counts its calls (see {@link withCallLimit}). */
export interface CallLimitedBackend extends ModelBackend {
  /** Calls let through so far (successful or not). */
  readonly calls: number;
  /** Calls still allowed. */
  readonly remaining: number;
  /** The limit. */
  readonly max: number;
}

/**
 * Caps how many calls reach a backend (Concordia's `call_limit_wrapper`): a budget guard for
 * paid endpoints and runaway loops.
 *
 * 1. The first `max` calls pass through and are counted when they start, whatever their outcome.
 * 2. Every later call raises `ModelError('limit')` without reaching the backend (not counted).
 *
 * @param backend the backend to wrap
 * @param max how many calls to allow (0 allows none)
 * @returns the wrapped backend with `calls`, `remaining` and `max`
 */
export function withCallLimit(backend: ModelBackend, max: number): CallLimitedBackend {
  let calls = 0;
  return {
    ...forwardLifecycle(backend),
    get calls() {
      return calls;
    },
    get remaining() {
      return Math.max(0, max - calls);
    },
    max,
    generate(request): Promise<ModelResponse> {
      if (calls >= max) {
        return Promise.reject(
          new ModelError(
            'limit',
            `call limit of ${max} reached for ${backend.info().id}; raise the limit to continue`,
          ),
        );
      }
      calls++;
      return backend.generate(request);
    },
  };
}
