import type { ModelBackend, ModelInfo, ModelRequest, ModelResponse } from '../ModelBackend.js';
import type { ModelErrorKind } from '../ModelError.js';
import { ModelError } from '../ModelError.js';
import type { Clock } from '../wrappers/Clock.js';
import { abortedError, systemClock } from '../wrappers/Clock.js';

/** A host's state: serving, sitting out a back-off, or back from one and allowed a single trial call. */
export type HostState = 'ready' | 'cooling' | 'probing';

/** One host's counters. */
export interface HostStats {
  host: string;
  state: HostState;
  inFlight: number;
  /** Calls answered. */
  served: number;
  /** Calls that failed with a connection, server, busy or timeout error. */
  failures: number;
  /** Failures since the last answer (drives the back-off length). */
  consecutiveFailures: number;
  /** When a cooling host may be tried again (clock time). */
  cooldownUntil?: number;
}

/** The pool's counters. */
export interface PoolStats {
  hosts: HostStats[];
  /** Requests waiting for a free host. */
  queued: number;
}

/** What `ready()` found. */
export interface PoolReadiness {
  ready: string[];
  notReady: { host: string; error: string }[];
}

/** Options of {@link createEndpointPool}. */
export interface EndpointPoolOptions {
  /** Most requests one host serves at once; the excess waits in a FIFO queue. */
  maxInFlightPerHost: number;
  /** Back-off after a host's first failure; doubles per consecutive failure. */
  cooldownMs: number;
  /** Longest back-off (default 32 x cooldownMs). */
  maxCooldownMs?: number;
  /** Hosts tried per request before giving up (default max(3, 2 x hosts)). */
  maxAttempts?: number;
  /** Time source (default real time). */
  clock?: Clock;
}

/** One logical backend over several hosts (see {@link createEndpointPool}). */
export interface EndpointPool extends ModelBackend {
  /**
   * `info()` of the first host that reports a model digest (else of the first host), with
   * `hosts` listing every host; the hosts are expected to serve the same model.
   */
  info(): ModelInfo;
  /**
   * Checks every host's `ready()`: resolves when at least one is ready, listing which are and
   * which are not (those are put in back-off); throws `ModelError` naming every host otherwise.
   */
  readiness(): Promise<PoolReadiness>;
  /** The port's check: `readiness()` without the report. */
  ready(): Promise<void>;
  /** Rejects queued requests and closes every host. */
  close(): Promise<void>;
  /** @returns per-host counters and the queue length */
  stats(): PoolStats;
}

/** Failures that say something about the host rather than the request. */
const HOST_FAILURES: ReadonlySet<ModelErrorKind> = new Set(['connection', 'server', 'busy', 'timeout']);

interface Host {
  name: string;
  index: number;
  backend: ModelBackend;
  inFlight: number;
  served: number;
  failures: number;
  consecutive: number;
  cooldownUntil: number;
  /** Bumped at each back-off and recovery; a call only counts against the generation it started in. */
  generation: number;
}

interface Waiter {
  resolve: (host: Host) => void;
  reject: (error: ModelError) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * Spreads one logical backend's calls over several hosts (e.g. one Ollama server per GPU box).
 *
 * 1. Each request goes to the usable host with the fewest requests in flight (ties: round-robin),
 *    never more than `maxInFlightPerHost` at once on a host; excess requests queue in FIFO order
 *    and leave the queue with `ModelError('aborted')` when their signal aborts.
 * 2. A call failing with connection / server / busy / timeout takes its host out for
 *    `cooldownMs x 2^(consecutive failures - 1)` (capped at `maxCooldownMs`) and the request is
 *    tried on another host. Calls already in flight when a host is taken out do not lengthen its
 *    back-off (one outage counts once).
 * 3. After its back-off a host is `probing`: it gets one call; an answer makes it `ready`, a
 *    failure sends it back with a doubled back-off (a circuit breaker's half-open state,
 *    M. Nygard, "Release It!", 2007).
 * 4. When every host is cooling, requests wait for the earliest host to come back.
 * 5. Other errors (bad request, not found, bad response) are the request's, not the host's, and
 *    are thrown as they are. After `maxAttempts` hosts tried, the last host error is thrown.
 *
 * @param backends the hosts (names from `info().hosts[0]`, else `info().id`)
 * @param options cap, back-off, attempts and clock
 * @returns the pool, itself a backend
 */
export function createEndpointPool(
  backends: readonly ModelBackend[],
  options: EndpointPoolOptions,
): EndpointPool {
  if (backends.length === 0) throw new RangeError('createEndpointPool needs at least one backend');
  if (!(options.maxInFlightPerHost >= 1)) throw new RangeError('maxInFlightPerHost must be at least 1');
  const clock = options.clock ?? systemClock;
  const cap = Math.floor(options.maxInFlightPerHost);
  const maxCooldown = options.maxCooldownMs ?? options.cooldownMs * 32;
  const maxAttempts = options.maxAttempts ?? Math.max(3, 2 * backends.length);
  const seen = new Set<string>();
  const hosts: Host[] = backends.map((backend, index) => {
    const info = backend.info();
    let name = info.hosts?.[0] ?? info.id;
    if (seen.has(name)) name = `${name}#${index}`;
    seen.add(name);
    return {
      name,
      index,
      backend,
      inFlight: 0,
      served: 0,
      failures: 0,
      consecutive: 0,
      cooldownUntil: 0,
      generation: 0,
    };
  });
  const queue: Waiter[] = [];
  let cursor = 0;
  let wake: { at: number; stop: AbortController } | undefined;
  let closed = false;

  const stateOf = (host: Host, now: number): HostState =>
    host.consecutive === 0 ? 'ready' : now < host.cooldownUntil ? 'cooling' : 'probing';

  const capacityOf = (host: Host, now: number): number => {
    const state = stateOf(host, now);
    return state === 'ready' ? cap : state === 'probing' ? 1 : 0;
  };

  /** Fewest in flight among hosts with room; ties go to the first at or after the cursor. */
  const pick = (): Host | undefined => {
    const now = clock.now();
    let best: Host | undefined;
    let bestRank = Number.POSITIVE_INFINITY;
    for (const host of hosts) {
      if (host.inFlight >= capacityOf(host, now)) continue;
      const rank = host.inFlight * hosts.length + ((host.index - cursor + hosts.length) % hosts.length);
      if (rank < bestRank) {
        best = host;
        bestRank = rank;
      }
    }
    if (best !== undefined) cursor = (best.index + 1) % hosts.length;
    return best;
  };

  const scheduleWake = (): void => {
    const now = clock.now();
    let earliest = Number.POSITIVE_INFINITY;
    for (const host of hosts)
      if (stateOf(host, now) === 'cooling') earliest = Math.min(earliest, host.cooldownUntil);
    if (!Number.isFinite(earliest) || (wake !== undefined && wake.at <= earliest)) return;
    wake?.stop.abort();
    const timer = { at: earliest, stop: new AbortController() };
    wake = timer;
    clock.sleep(earliest - now, timer.stop.signal).then(
      () => {
        if (wake === timer) wake = undefined;
        pump();
      },
      () => undefined,
    );
  };

  const pump = (): void => {
    while (queue.length > 0) {
      const host = pick();
      if (host === undefined) break;
      const waiter = queue.shift() as Waiter;
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      host.inFlight++;
      waiter.resolve(host);
    }
    if (queue.length > 0) scheduleWake();
  };

  const acquire = (signal: AbortSignal | undefined): Promise<Host> => {
    if (closed) return Promise.reject(new ModelError('aborted', 'the endpoint pool is closed'));
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (queue.length === 0) {
      const host = pick();
      if (host !== undefined) {
        host.inFlight++;
        return Promise.resolve(host);
      }
    }
    return new Promise<Host>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(abortedError(signal));
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      queue.push(waiter);
      pump();
    });
  };

  const coolDown = (host: Host, generation: number): void => {
    if (generation !== host.generation) return;
    host.consecutive++;
    host.generation++;
    host.cooldownUntil =
      clock.now() + Math.min(maxCooldown, options.cooldownMs * 2 ** (host.consecutive - 1));
  };

  const recover = (host: Host, generation: number): void => {
    if (generation !== host.generation || host.consecutive === 0) return;
    host.consecutive = 0;
    host.generation++;
  };

  const pool: EndpointPool = {
    info: () => {
      const infos = hosts.map((host) => host.backend.info());
      const base = infos.find((info) => info.digest !== undefined) ?? (infos[0] as ModelInfo);
      return { ...base, hosts: hosts.map((host) => host.name) };
    },

    async generate(request: ModelRequest): Promise<ModelResponse> {
      let last: ModelError | undefined;
      const tried: string[] = [];
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const host = await acquire(request.signal);
        const generation = host.generation;
        tried.push(host.name);
        try {
          const response = await host.backend.generate(request);
          host.served++;
          recover(host, generation);
          return response.host === undefined ? { ...response, host: host.name } : response;
        } catch (error) {
          if (request.signal?.aborted) throw abortedError(request.signal);
          if (!(error instanceof ModelError) || !HOST_FAILURES.has(error.kind)) throw error;
          host.failures++;
          coolDown(host, generation);
          last = error;
        } finally {
          host.inFlight--;
          pump();
        }
      }
      const error = last as ModelError;
      throw new ModelError(
        error.kind,
        `${error.message} (endpoint pool gave up after ${tried.length} attempts on ${[...new Set(tried)].join(', ')})`,
        {
          ...(error.status === undefined ? {} : { status: error.status }),
          host: error.host ?? tried.at(-1),
          cause: error,
        },
      );
    },

    async ready(): Promise<void> {
      await pool.readiness();
    },

    async readiness(): Promise<PoolReadiness> {
      const results = await Promise.allSettled(hosts.map(async (host) => host.backend.ready?.()));
      const report: PoolReadiness = { ready: [], notReady: [] };
      let firstError: unknown;
      results.forEach((result, i) => {
        const host = hosts[i] as Host;
        if (result.status === 'fulfilled') {
          report.ready.push(host.name);
          return;
        }
        firstError ??= result.reason;
        const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
        report.notReady.push({ host: host.name, error: message });
        if (host.consecutive === 0) coolDown(host, host.generation);
      });
      if (report.ready.length === 0) {
        const kind = firstError instanceof ModelError ? firstError.kind : 'connection';
        const detail = report.notReady.map((entry) => `${entry.host}: ${entry.error}`).join('; ');
        throw new ModelError(kind, `no host of the endpoint pool is ready (${detail})`, {
          cause: firstError,
        });
      }
      return report;
    },

    async close(): Promise<void> {
      closed = true;
      wake?.stop.abort();
      wake = undefined;
      for (const waiter of queue.splice(0)) {
        waiter.signal?.removeEventListener('abort', waiter.onAbort);
        waiter.reject(new ModelError('aborted', 'the endpoint pool was closed'));
      }
      await Promise.all(hosts.map(async (host) => host.backend.close?.()));
    },

    stats(): PoolStats {
      const now = clock.now();
      return {
        queued: queue.length,
        hosts: hosts.map((host) => {
          const state = stateOf(host, now);
          return {
            host: host.name,
            state,
            inFlight: host.inFlight,
            served: host.served,
            failures: host.failures,
            consecutiveFailures: host.consecutive,
            ...(state === 'cooling' ? { cooldownUntil: host.cooldownUntil } : {}),
          };
        }),
      };
    },
  };
  return pool;
}
