import type { ServerResponse } from 'node:http';

/**
 * Answers with a JSON body: the status, a length, no caching, no content sniffing.
 *
 * @param response the response (nothing written yet).
 * @param status the HTTP status.
 * @param body the value to serialise.
 */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(text);
}
