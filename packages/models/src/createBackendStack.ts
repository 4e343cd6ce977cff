import type { BackendSettings } from './backends/BackendDefinition.js';
import { backendRegistry } from './backends/backendRegistry.js';
import type { BackendRegistry, ResolvedModelSpec } from './backends/createBackendRegistry.js';
import { ResponseCache } from './cache/ResponseCache.js';
import { type CachedBackend, withCache } from './cache/withCache.js';
import type { ModelBackend, ModelInfo } from './ModelBackend.js';
import { createEndpointPool, type EndpointPool } from './pool/createEndpointPool.js';
import { createRng } from './Rng.js';
import { type CallLimitedBackend, withCallLimit } from './wrappers/withCallLimit.js';
import type { RetryEvent } from './wrappers/withRetry.js';
import { withRetry } from './wrappers/withRetry.js';
import { withTimeout } from './wrappers/withTimeout.js';

/** How to build the backend stack of a run. */
export interface BackendStackOptions {
  /** `--model`, e.g. "ollama:llama3.1:8b". */
  model: string;
  /** Server URLs; several spread requests over an endpoint pool. */
  hosts?: readonly string[];
  /**
   * Values of the backend's own flags by flag name (e.g. `{ 'ollama-client': 'native' }`,
   * `{ 'api-key': 'sk-...' }`); flags left out take their defaults. A flag of another backend is
   * refused.
   */
  settings?: BackendSettings;
  /** Per-request timeout (ms), enforced around every call of every backend. Default 120000. */
  timeoutMs?: number;
  /** Retries of retryable failures. */
  retries?: number;
  maxInFlightPerHost?: number;
  /** Response cache file, or false for none. Default: none. */
  cachePath?: string | false;
  /** Re-ask cached failed and unparsed answers. */
  retryFailed?: boolean;
  /** Seed of the retry jitter. */
  seed?: number;
  env?: Readonly<Record<string, string | undefined>>;
  onRetry?: (event: RetryEvent) => void;
  /** The backends to choose from (default: every registered backend). */
  registry?: BackendRegistry;
}

/** The composed backend of a run, with handles on its layers. */
export interface BackendStack {
  /** What agents call: cache -> retry -> call counter -> pool (several hosts) -> deadline -> per-host adapters. */
  backend: ModelBackend;
  /** The parsed `--model`, with the backend definition that serves it. */
  spec: ResolvedModelSpec;
  /** The backend's flag values the adapters were built with (defaults applied). */
  settings: BackendSettings;
  /** The cache layer, when caching (for `markUnparsed` and stats). */
  cached?: CachedBackend;
  /** The pool, for per-host stats. */
  pool?: EndpointPool;
  /** Calls that reached the model (cache misses, retries included). */
  modelCalls(): number;
  info(): ModelInfo;
  close(): Promise<void>;
}

/**
 * Builds the backend stack for `--model` from the backend registry.
 *
 * Intuition: a backend implements only its protocol; everything a crowd run needs around the
 * calls is added here, the same for every backend, so a new backend gets `--timeout`, retries,
 * the call counter, pooling and caching without code of its own. Behaviour:
 * 1. The registry parses `--model`, resolves the servers (`--host`, else the backend's
 *    environment variable, else its default) and the backend's flag values.
 * 2. One adapter per server (`definition.create`), each bounded by `withTimeout(timeoutMs)`,
 *    which cuts off a call (and the readiness check) even when the adapter ignores its signal
 *    (a `synchronous` backend, whose answer is computed before any timer could fire, needs none).
 * 3. Several servers: an endpoint pool spreads the calls; one: no pool, so a failing request never
 *    puts the only host into back-off, and retries with jitter pace the run instead.
 * 4. A call counter, then retries with back-off and seeded jitter, then the SQLite response cache
 *    outermost, so a cache hit never counts as a model call.
 *
 * @param options model, hosts, backend flags, timeout, retries, cache
 * @returns the stack
 * @throws ModelError('bad-request') for a bad `--model`, `--host` or backend flag
 */
export function createBackendStack(options: BackendStackOptions): BackendStack {
  const registry = options.registry ?? backendRegistry;
  const spec = registry.parse(options.model);
  const { definition } = spec;
  const env = options.env ?? process.env;
  const settings = registry.settings(definition, options.settings ?? {});
  const hosts = registry.hosts(definition, options.hosts ?? [], env);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const adapters = hosts.map((host) => {
    const adapter = definition.create({
      model: spec.model,
      ...(host !== undefined ? { host } : {}),
      settings,
      env,
      timeoutMs,
    });
    return definition.synchronous ? adapter : withTimeout(adapter, timeoutMs);
  });
  let pool: EndpointPool | undefined;
  if (adapters.length > 1) {
    pool = createEndpointPool(adapters, {
      maxInFlightPerHost: options.maxInFlightPerHost ?? 8,
      cooldownMs: 2_000,
      maxCooldownMs: 60_000,
    });
  }
  const counted: CallLimitedBackend = withCallLimit(
    pool ?? (adapters[0] as ModelBackend),
    Number.POSITIVE_INFINITY,
  );
  const retried = withRetry(counted, {
    retries: options.retries ?? 3,
    baseDelayMs: definition.retryDelayMs ?? 500,
    maxDelayMs: 30_000,
    rng: createRng(options.seed ?? 0).fork('retry-jitter'),
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  });
  const cachePath = options.cachePath ?? false;
  let cache: ResponseCache | undefined;
  let cached: CachedBackend | undefined;
  if (cachePath !== false) {
    cache = new ResponseCache(cachePath);
    cached = withCache(retried, cache, { retryFailed: options.retryFailed ?? false });
  }
  const backend = cached ?? retried;
  return {
    backend,
    spec,
    settings,
    ...(cached ? { cached } : {}),
    ...(pool ? { pool } : {}),
    modelCalls: () => counted.calls,
    info: () => backend.info(),
    close: async () => {
      await backend.close?.();
      cache?.close();
    },
  };
}
