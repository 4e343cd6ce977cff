import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OllamaTestServerRespond } from '../OllamaTestServerAnswer.js';
import type { OllamaFaultPlan } from '../OllamaTestServerFaults.js';
import type { BatchStore } from './BatchStore.js';
import type { ModelStore } from './ModelStore.js';

/** One HTTP request the test server received. */
export interface OllamaRecordedRequest {
  method: string;
  /** Path without the query string, e.g. "/api/chat". */
  path: string;
  /** Parsed JSON body; for raw routes (blob uploads) `{ bytes }`; undefined when there was none. */
  body: unknown;
  /** The JSON body exactly as received (UTF-8), for byte-for-byte comparisons; absent for raw routes. */
  text?: string;
  headers: Record<string, string | string[] | undefined>;
}

/** What the test server keeps between requests. */
export interface TestServerState {
  readonly store: ModelStore;
  readonly plan: OllamaFaultPlan;
  respond: OllamaTestServerRespond;
  /** Reported by GET /api/version. */
  readonly version: string;
  /** Inference requests allowed in flight at once (undefined: no limit). */
  readonly maxPending: number | undefined;
  /** Inference requests in flight. */
  pending: number;
  /** Aborts when the server closes (ends hung and delayed answers). */
  readonly closing: AbortSignal;
  /** The uploaded files and the batches (/v1/files, /v1/batches). */
  readonly batches: BatchStore;
}

/** What a route handler gets. */
export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  /** The groups a RegExp route path captured (URL-decoded). */
  params: string[];
  /** The JSON body of a `json` route ({} when there was none or it was not an object). */
  body: Record<string, unknown>;
  /** The body as received (a `raw` route's only body). */
  raw: Buffer;
  /** This request's entry in `requests`; a handler may replace `record.body` with what it parsed. */
  record: OllamaRecordedRequest;
  state: TestServerState;
}

/** Answers one request. */
export type RouteHandler = (request: RouteRequest) => void | Promise<void>;

/** A line of the routing table (see `routes.ts`). */
export interface Route {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  /** An exact path, or a RegExp whose groups become `params`. */
  path: string | RegExp;
  handler: RouteHandler;
  /** `json` (default): the body is parsed, invalid JSON is answered 400; `raw`: bytes, recorded as `{ bytes }`. */
  body?: 'json' | 'raw';
}
