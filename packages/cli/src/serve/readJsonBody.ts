import type { IncomingMessage } from 'node:http';
import { HttpError } from './HttpError.js';

/**
 * Reads a request body as JSON, refusing bodies larger than `limit` bytes (413), a content type
 * other than `application/json` (415) and text that is not JSON (400).
 *
 * Requiring `application/json` also means a web page on another origin cannot post to the local
 * server without a CORS preflight, which the server never grants.
 *
 * @param request the incoming request.
 * @param limit the largest body accepted, in bytes (default 64 KiB).
 * @returns the parsed JSON value.
 */
export async function readJsonBody(request: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'send the body as JSON (Content-Type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new HttpError(413, `request body larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}
