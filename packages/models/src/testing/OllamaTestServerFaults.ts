import type { Rng } from '../Rng.js';
import { createRng } from '../Rng.js';

/**
 * A way an inference request can fail on the test server:
 * - `server-error`: HTTP 500 with Ollama's error body (`{"error":"llama runner process has terminated: ..."}`);
 * - `busy`: HTTP 503 `{"error":"server busy, please try again.  maximum pending requests exceeded"}`;
 * - `reset`: headers and part of the answer are sent, then the TCP connection is reset;
 * - `hang`: the request is accepted and never answered (until the client gives up or the server closes);
 * - `truncate`: part of the body is sent and the response ends cleanly, leaving invalid JSON / NDJSON.
 */
export type OllamaFaultKind = 'server-error' | 'busy' | 'reset' | 'hang' | 'truncate';

/** All fault kinds, in a stable order (the seeded choice draws from this list by default). */
export const OLLAMA_FAULT_KINDS: readonly OllamaFaultKind[] = [
  'server-error',
  'busy',
  'reset',
  'hang',
  'truncate',
];

/** Fault injection settings; every field may be changed at runtime with `setFaults`. */
export interface OllamaFaultOptions {
  /** Delay before every inference answer, in milliseconds. */
  latencyMs?: number;
  /** Extra delay chosen per request (e.g. by model or prompt), added to `latencyMs`. */
  latencyFor?: (request: { path: string; body: unknown }) => number;
  /** Probability in [0, 1] that an inference request fails. */
  failRate?: number;
  /** Kinds a random failure chooses among (seeded); default: all kinds. */
  failKinds?: readonly OllamaFaultKind[];
  /** Seed of the failure draws: the same seed and request order give the same failures. */
  seed?: number;
}

/**
 * Decides, request by request, whether and how the test server fails.
 *
 * Intuition: fault injection must be reproducible, so every random choice comes from one seeded
 * stream consumed in request-arrival order. Behaviour: a request first consumes a queued forced
 * failure (`failNext`), else fails with probability `failRate`, choosing its kind uniformly
 * among `failKinds`.
 */
export class OllamaFaultPlan {
  private settings: OllamaFaultOptions;
  private rng: Rng;
  private forced: (OllamaFaultKind | undefined)[] = [];

  /** @param options Initial settings. */
  constructor(options: OllamaFaultOptions = {}) {
    this.settings = { ...options };
    this.rng = createRng(options.seed ?? 0);
  }

  /** Merges new settings; a new `seed` restarts the random stream. */
  update(options: OllamaFaultOptions): void {
    this.settings = { ...this.settings, ...options };
    if (options.seed !== undefined) this.rng = createRng(options.seed);
  }

  /** Makes the next `count` inference requests fail with `kind` (or a seeded choice among `failKinds`). */
  failNext(count: number, kind?: OllamaFaultKind): void {
    for (let i = 0; i < count; i++) this.forced.push(kind);
  }

  /** The current settings. */
  get current(): Readonly<OllamaFaultOptions> {
    return this.settings;
  }

  /** The delay for one request, in milliseconds. */
  latency(request: { path: string; body: unknown }): number {
    const fixed = this.settings.latencyMs ?? 0;
    const extra = this.settings.latencyFor?.(request) ?? 0;
    return Math.max(0, fixed + extra);
  }

  /** Draws the fault (or none) for the next inference request. */
  next(): OllamaFaultKind | undefined {
    const kinds = this.settings.failKinds?.length ? this.settings.failKinds : OLLAMA_FAULT_KINDS;
    if (this.forced.length > 0) return this.forced.shift() ?? this.rng.pick(kinds);
    const rate = this.settings.failRate ?? 0;
    if (rate <= 0) return undefined;
    return this.rng.next() < rate ? this.rng.pick(kinds) : undefined;
  }
}
