import { setMaxListeners } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OllamaTestServerRespond } from './OllamaTestServerAnswer.js';
import { defaultOllamaTestAnswer } from './OllamaTestServerAnswer.js';
import type { OllamaFaultKind, OllamaFaultOptions } from './OllamaTestServerFaults.js';
import { OllamaFaultPlan } from './OllamaTestServerFaults.js';
import { BatchStore, type BatchTiming } from './server/BatchStore.js';
import { dispatch } from './server/dispatch.js';
import { ModelStore } from './server/ModelStore.js';
import { ROUTES } from './server/routes.js';
import type { OllamaRecordedRequest, TestServerState } from './server/TestServerContext.js';

export type { OllamaRecordedRequest } from './server/TestServerContext.js';

/** Options of `startOllamaTestServer`. */
export interface OllamaTestServerOptions extends OllamaFaultOptions {
  /** Models the server has, e.g. ["llama3.2:1b"]; a name without a tag gets ":latest". Default: ["llama3.2:1b"]. */
  models?: string[];
  /** Produces answer texts; default `defaultOllamaTestAnswer`. */
  respond?: OllamaTestServerRespond;
  /** Reported by GET /api/version. Default "0.12.6". */
  version?: string;
  /** Inference requests allowed in flight at once; beyond that the server answers 503 busy (Ollama's OLLAMA_MAX_QUEUE). */
  maxPending?: number;
  /** Port to listen on; default 0 (a free port). */
  port?: number;
  /** How long batches stay validating and finalizing, and how many requests of one run at once. */
  batches?: BatchTiming;
}

/** A running test server. */
export interface OllamaTestServer {
  /** Base URL, e.g. "http://127.0.0.1:43817". */
  readonly url: string;
  /** Every request received, in arrival order (live array). */
  readonly requests: readonly OllamaRecordedRequest[];
  /** Names of the models the server currently has (e.g. after /api/create or /api/delete). */
  readonly models: readonly string[];
  /** Changes fault injection settings at runtime (merged into the current ones). */
  setFaults(faults: OllamaFaultOptions): void;
  /** Makes the next `count` inference requests fail with `kind` (or a seeded choice). */
  failNext(count: number, kind?: OllamaFaultKind): void;
  /** Replaces the answer function. */
  setRespond(respond: OllamaTestServerRespond): void;
  /** Forgets the recorded requests. */
  clearRequests(): void;
  /** True when a blob with this digest ("sha256:<hex>") was uploaded. */
  hasBlob(digest: string): boolean;
  /** Stops listening and destroys open connections (including hung ones). */
  close(): Promise<void>;
}

/**
 * Starts an in-process HTTP server that speaks Ollama's REST API (docs/api.md) and its
 * OpenAI-compatible endpoints, for tests and demos without a GPU.
 *
 * Intuition: real clients (the `ollama` JS client, LangChain's ChatOllama, plain fetch) should
 * run unchanged against it, so it answers with Ollama's field names, NDJSON streaming, status
 * codes and error bodies; the answer text comes from a pluggable `respond` function.
 * Behaviour:
 * 1. Inference: POST /api/chat, POST /api/generate (stream or not, `format`, `options`,
 *    `keep_alive`; `num_predict` truncates the answer to that many tokens, `done_reason: "length"`),
 *    POST /v1/chat/completions (stream or not, `response_format`, `seed`, `max_tokens`, usage).
 * 2. Models: GET /api/tags, POST /api/show, GET /api/ps, DELETE /api/delete, GET /v1/models,
 *    HEAD/POST /api/blobs/:digest (sha256 verified), POST /api/create (streams status lines).
 * 2a. Batches, as the OpenAI Files and Batch APIs: POST/GET /v1/files, GET /v1/files/:id(/content),
 *    DELETE /v1/files/:id; POST/GET /v1/batches, GET /v1/batches/:id, POST /v1/batches/:id/cancel.
 *    A batch goes validating -> in_progress -> finalizing -> completed (or failed, cancelling ->
 *    cancelled), its requests answered as POST /v1/chat/completions answers them, faults included.
 * 3. Faults (inference requests only): fixed and per-request latency, a seeded failure rate
 *    over kinds (500, 503 busy, reset mid-stream, hang, truncated body), `failNext(n)`, and
 *    503 busy when more than `maxPending` requests are in flight.
 * 4. Every request is recorded (method, path, parsed body) for assertions.
 * The parts: the routing table (server/routes.ts, one line per endpoint), the Ollama API and /v1
 * handlers (server/ollamaApiHandlers.ts, server/openAiHandlers.ts), inference answers
 * (server/answerInference.ts, server/buildAnswer.ts, server/writeAnswer.ts), the models it keeps
 * (server/ModelStore.ts), the files and batches (server/filesApiHandlers.ts,
 * server/batchesApiHandlers.ts, server/runBatchJob.ts, server/BatchStore.ts) and the faults
 * (OllamaTestServerFaults.ts).
 *
 * @example
 * const srv = await startOllamaTestServer({ models: ['llama3.2:1b'], seed: 7 });
 * srv.failNext(1, 'busy');
 * // ... point a client at srv.url ...
 * await srv.close();
 *
 * @param options Models, answer function, faults, port.
 * @returns The running server.
 */
export async function startOllamaTestServer(
  options: OllamaTestServerOptions = {},
): Promise<OllamaTestServer> {
  const requests: OllamaRecordedRequest[] = [];
  const closing = new AbortController();
  // Every delayed or hung answer, and every running batch, listens to it: one listener per
  // request in flight.
  setMaxListeners(0, closing.signal);
  const state: TestServerState = {
    store: new ModelStore(options.models ?? ['llama3.2:1b']),
    plan: new OllamaFaultPlan(options),
    respond: options.respond ?? defaultOllamaTestAnswer,
    version: options.version ?? '0.12.6',
    maxPending: options.maxPending,
    pending: 0,
    closing: closing.signal,
    batches: new BatchStore(options.batches),
  };
  const server = createServer(dispatch(ROUTES, state, requests));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    get models() {
      return [...state.store.models.keys()];
    },
    setFaults: (faults) => state.plan.update(faults),
    failNext: (count, kind) => state.plan.failNext(count, kind),
    setRespond: (fn) => {
      state.respond = fn;
    },
    clearRequests: () => {
      requests.length = 0;
    },
    hasBlob: (digest) => state.store.blobs.has(digest),
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
