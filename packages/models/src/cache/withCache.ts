import type { ModelBackend, ModelRequest, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { forwardLifecycle } from '../wrappers/forwardLifecycle.js';
import { keyFor, legacyKeyFor } from './keyFor.js';
import type { CacheLookupOptions, ResponseCache } from './ResponseCache.js';

/** Options of {@link withCache}. */
export interface WithCacheOptions extends CacheLookupOptions {
  /** Record calls that raise as `failed` entries (default true; aborts and call limits are never recorded). */
  recordFailures?: boolean;
}

/** A backend answering from a {@link ResponseCache} first (see {@link withCache}). */
export interface CachedBackend extends ModelBackend {
  readonly cache: ResponseCache;
  /**
   * @param request a request
   * @returns its cache key for this backend (`keyFor(request, info())`)
   */
  keyFor(request: ModelRequest): string;
  /**
   * Marks a request's answer as unreadable after parsing, so a `retryFailed` run asks again.
   * @param request the request whose answer did not parse
   * @param reason the parser's complaint
   * @param raw the text that did not parse (default: the stored answer's text is kept)
   */
  markUnparsed(request: ModelRequest, reason: string, raw?: string): void;
}

/**
 * Serves repeated questions from a persistent cache instead of the model.
 *
 * 1. The key is `keyFor(request, backend.info())`: same question, options, seed, replicate,
 *    model and digest -> same entry (a simulated model's hints too, a language model's never).
 *    When a language model's key has no entry, an entry a cache file holds under the earlier key
 *    formula (`legacyKeyFor`) is copied to it first, so caches written before keep answering.
 * 2. A servable entry (see `ResponseCache.lookup`) is returned with `cached: true` and
 *    `latencyMs: 0`, and the model is not called.
 * 3. Otherwise the model is asked and its answer stored; a call that raises is recorded as
 *    `failed` (its reason kept for the report) and the error is rethrown. Failed entries are
 *    always asked again; unparsed entries only with `retryFailed: true`.
 * 4. Identical requests in flight at the same time share one model call (the later ones get
 *    `cached: true`); if the first caller aborts, the others make their own call.
 *
 * The crowd layer: after parsing, `markUnparsed(request, reason)` for answers it could not read;
 * a `--retry-failed` rerun wraps with `{ retryFailed: true }`, which re-asks failed and unparsed
 * entries while ok entries are still served.
 *
 * @param backend the backend to wrap
 * @param cache the store (the caller owns it and closes it)
 * @param options `retryFailed`, `recordFailures`
 * @returns the caching backend
 */
export function withCache(
  backend: ModelBackend,
  cache: ResponseCache,
  options: WithCacheOptions = {},
): CachedBackend {
  const inFlight = new Map<string, Promise<ModelResponse>>();
  const recordFailures = options.recordFailures ?? true;
  const lookup: CacheLookupOptions = { retryFailed: options.retryFailed ?? false };

  const ask = async (key: string, request: ModelRequest): Promise<ModelResponse> => {
    const call = backend.generate(request);
    inFlight.set(key, call);
    try {
      const response = await call;
      cache.put(key, response);
      return response;
    } catch (error) {
      if (
        recordFailures &&
        error instanceof ModelError &&
        error.kind !== 'aborted' &&
        error.kind !== 'limit'
      ) {
        cache.recordFailure(key, 'failed', `${error.kind}: ${error.message}`);
      }
      throw error;
    } finally {
      if (inFlight.get(key) === call) inFlight.delete(key);
    }
  };

  return {
    ...forwardLifecycle(backend),
    cache,
    keyFor: (request) => keyFor(request, backend.info()),
    markUnparsed(request, reason, raw) {
      cache.recordFailure(keyFor(request, backend.info()), 'unparsed', reason, raw);
    },
    async generate(request): Promise<ModelResponse> {
      const info = backend.info();
      const key = keyFor(request, info);
      if (info.isLanguageModel && cache.get(key) === undefined) cache.adopt(legacyKeyFor(request, info), key);
      const stored = cache.lookup(key, lookup);
      if (stored !== undefined)
        return { ...stored, model: stored.model || info.id, cached: true, latencyMs: 0 };
      const shared = inFlight.get(key);
      if (shared !== undefined) {
        try {
          return { ...(await shared), cached: true, latencyMs: 0 };
        } catch (error) {
          if (!(error instanceof ModelError && error.kind === 'aborted') || request.signal?.aborted)
            throw error;
        }
      }
      return ask(key, request);
    },
  };
}
