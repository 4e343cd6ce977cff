import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RouteParams, ServeApi, ServeRoute, ServeStreams } from '@emocrowd/crowd';

/** What a JSON route's handler receives. */
export interface JsonRouteInput<R extends ServeRoute> {
  params: ServeApi[R]['params'];
  /** The parsed JSON body of a POST (content type checked); `undefined` for GET. */
  body: unknown;
  request: IncomingMessage;
}

/** A JSON route's handler: returns the status and body the contract names for the route. */
export interface JsonHandler<R extends ServeRoute> {
  readonly kind: 'json';
  handle(input: JsonRouteInput<R>): Promise<{ status: ServeApi[R]['status']; body: ServeApi[R]['response'] }>;
}

/** A Server-Sent Events route's handler: writes the stream itself. */
export interface StreamHandler<R extends keyof ServeStreams> {
  readonly kind: 'stream';
  handle(input: {
    params: RouteParams<R>;
    request: IncomingMessage;
    response: ServerResponse;
  }): Promise<void>;
}

/**
 * The route table: one handler for every route of the contract (`ServeApi`, `ServeStreams`),
 * keyed by the route. A route added to the contract without a handler fails the build.
 */
export type RouteTable = { readonly [R in ServeRoute]: JsonHandler<R> } & {
  readonly [R in keyof ServeStreams]: StreamHandler<R>;
};

/** Any handler of the table. */
export type AnyHandler = RouteTable[keyof RouteTable];

/**
 * A JSON route's handler.
 *
 * @param handle answers with `{ status, body }`; throws `HttpError` for the caller's mistakes.
 * @returns the table entry.
 */
export function json<R extends ServeRoute>(handle: JsonHandler<R>['handle']): JsonHandler<R> {
  return { kind: 'json', handle };
}

/**
 * A Server-Sent Events route's handler.
 *
 * @param handle writes the stream.
 * @returns the table entry.
 */
export function stream<R extends keyof ServeStreams>(handle: StreamHandler<R>['handle']): StreamHandler<R> {
  return { kind: 'stream', handle };
}
