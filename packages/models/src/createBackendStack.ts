import { ResponseCache } from './cache/ResponseCache.js';
import { type CachedBackend, withCache } from './cache/withCache.js';
import type { ModelBackend, ModelInfo } from './ModelBackend.js';
import { ModelError } from './ModelError.js';
import { normalizeOllamaHost } from './ollama/normalizeOllamaHost.js';
import { OllamaBackend, type OllamaChatClient } from './ollama/OllamaBackend.js';
import { OpenAICompatibleBackend } from './openai/OpenAICompatibleBackend.js';
import { type ModelSpec, parseModelSpec } from './parseModelSpec.js';
import { createEndpointPool, type EndpointPool } from './pool/createEndpointPool.js';
import { createRng } from './Rng.js';
import { SyntheticModel } from './synthetic/SyntheticModel.js';
import { type CallLimitedBackend, withCallLimit } from './wrappers/withCallLimit.js';
import type { RetryEvent } from './wrappers/withRetry.js';
import { withRetry } from './wrappers/withRetry.js';

/** How to build the backend stack of a run. */
export interface BackendStackOptions {
  model: string;
  /** Server URLs; several spread requests over an endpoint pool. */
  hosts?: readonly string[];
  apiKey?: string;
  /** The Ollama chat client: LangChain's ChatOllama (default) or the `ollama` client directly. */
  ollamaClient?: OllamaChatClient;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
  /** Retries of retryable failures. */
  retries?: number;
  maxInFlightPerHost?: number;
  /** Response cache file, or false for none. Default: none for the synthetic model. */
  cachePath?: string | false;
  /** Re-ask cached failed and unparsed answers. */
  retryFailed?: boolean;
  /** Seed of the retry jitter. */
  seed?: number;
  env?: Readonly<Record<string, string | undefined>>;
  onRetry?: (event: RetryEvent) => void;
}

/** The composed backend of a run, with handles on its layers. */
export interface BackendStack {
  /** What agents call: cache -> retry -> call counter -> pool (several hosts) -> per-host adapters. */
  backend: ModelBackend;
  spec: ModelSpec;
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
 * Builds the backend stack for `--model`: per-host adapters (Ollama through LangChain's
 * ChatOllama; OpenAI-compatible over fetch; or the built-in synthetic model), an endpoint
 * pool over the hosts, retries with back-off and seeded jitter, a call counter, and the
 * SQLite response cache outermost, so a cache hit never counts as a model call.
 */
export function createBackendStack(options: BackendStackOptions): BackendStack {
  const spec = parseModelSpec(options.model);
  const env = options.env ?? process.env;
  let counted: CallLimitedBackend;
  let pool: EndpointPool | undefined;
  if (spec.backend === 'synthetic') {
    counted = withCallLimit(
      new SyntheticModel(spec.model === 'synthetic' ? {} : { variant: spec.model }),
      Number.POSITIVE_INFINITY,
    );
  } else {
    const hosts = resolveHosts(spec, options.hosts ?? [], env);
    const timeoutMs = options.timeoutMs ?? 120_000;
    const adapters = hosts.map(
      (host): ModelBackend =>
        spec.backend === 'ollama'
          ? new OllamaBackend({
              model: spec.model,
              host,
              timeoutMs,
              client: options.ollamaClient ?? 'langchain',
            })
          : new OpenAICompatibleBackend({
              model: spec.model,
              baseUrl: host,
              timeoutMs,
              ...((options.apiKey ?? env.OPENAI_API_KEY)
                ? { apiKey: options.apiKey ?? env.OPENAI_API_KEY }
                : {}),
            }),
    );
    if (adapters.length === 1) {
      // One server: no pool, so a failing request never puts the only host into back-off;
      // retries with jitter pace the run instead.
      counted = withCallLimit(adapters[0] as ModelBackend, Number.POSITIVE_INFINITY);
    } else {
      pool = createEndpointPool(adapters, {
        maxInFlightPerHost: options.maxInFlightPerHost ?? 8,
        cooldownMs: 2_000,
        maxCooldownMs: 60_000,
      });
      counted = withCallLimit(pool, Number.POSITIVE_INFINITY);
    }
  }
  const retried = withRetry(counted, {
    retries: options.retries ?? 3,
    baseDelayMs: spec.backend === 'synthetic' ? 0 : 500,
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

function resolveHosts(
  spec: ModelSpec,
  hosts: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (spec.backend === 'ollama') {
    const list = hosts.length > 0 ? hosts : [env.OLLAMA_HOST ?? ''];
    return list.map((host) => normalizeOllamaHost(host || undefined));
  }
  if (hosts.length === 0) {
    throw new ModelError(
      'bad-request',
      `--model openai:${spec.model} needs --host URL (e.g. --host http://127.0.0.1:8000 for vLLM)`,
    );
  }
  return hosts.map((host) =>
    /^https?:\/\//.test(host) ? host.replace(/\/+$/, '') : `http://${host.replace(/\/+$/, '')}`,
  );
}
