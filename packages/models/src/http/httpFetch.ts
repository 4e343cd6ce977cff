import http from 'node:http';
import https from 'node:https';
import { BufferedResponse } from './BufferedResponse.js';

/** Connections kept open between calls, one pool per protocol for the whole process. */
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * `fetch` for the model servers' JSON calls, over Node's own HTTP client with kept-alive
 * connections, reading each answer whole.
 *
 * Intuition: a crowd sends thousands of small requests and needs each answer whole. Node's global
 * `fetch` (undici behind WHATWG streams, a `Request`, a `Headers` and a byte stream per call)
 * costs several times the client CPU of Node's HTTP client for the same request; on a machine
 * where the client shares its cores with a local model server that CPU is throughput. Callers
 * (the `ollama` client, LangChain's `ChatOllama`, the OpenAI-compatible adapter) keep speaking
 * `fetch`.
 * Behaviour:
 * 1. A request with a string body (or none) to an http(s) URL is sent with Node's HTTP client on a
 *    kept-alive connection; the answer is read whole into a `BufferedResponse` (a `Response`).
 *    Anything else (a stream or form body, another protocol, a URL with credentials) goes to the
 *    global `fetch`.
 * 2. A redirect is not followed here: the request is sent again through the global `fetch`,
 *    which follows it as `fetch` does.
 * 3. Failures are those of `fetch`: a request that cannot be sent rejects with
 *    `TypeError("fetch failed")` whose cause is the network error (ECONNREFUSED, ...); a
 *    connection closed mid-answer rejects with `TypeError("terminated")`; an aborted signal
 *    rejects with the signal's reason and closes the connection.
 * 4. No compression is asked for, so answers arrive as the server wrote them.
 *
 * @example
 * const res = await httpFetch('http://127.0.0.1:11434/api/chat', { method: 'POST', body: JSON.stringify(body) });
 * const answer = await res.json();
 */
export const httpFetch: typeof fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : undefined;
  const body = init?.body;
  if (url === undefined || (body !== undefined && body !== null && typeof body !== 'string'))
    return fetch(input, init);
  const target = targetOf(url);
  if (target === undefined) return fetch(input, init);
  return send(target, url, init ?? {}, body ?? undefined);
};

/** Where a URL's requests go: Node's request options without method and headers. */
interface Target {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: string;
  path: string;
}

/** The last URL parsed: a crowd sends every request to the same one. */
let lastTarget: { url: string; target: Target | undefined } | undefined;

/** The request options of a URL (undefined when the global fetch sends it), parsed once per URL in a row. */
function targetOf(url: string): Target | undefined {
  if (lastTarget?.url === url) return lastTarget.target;
  // An unparsable URL is the global fetch's to reject, as fetch rejects it.
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // Other protocols, and URLs with credentials (which fetch refuses), stay with the global fetch.
  const target: Target | undefined =
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.username === ''
      ? {
          protocol: parsed.protocol,
          // Node wants an IPv6 literal without its brackets.
          hostname: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
          port: parsed.port,
          path: `${parsed.pathname}${parsed.search}`,
        }
      : undefined;
  lastTarget = { url, target };
  return target;
}

/** One request over Node's HTTP client (a redirect is sent again through the global fetch). */
function send(target: Target, url: string, init: RequestInit, body: string | undefined): Promise<Response> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const headers = headerRecord(init.headers);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const request = (target.protocol === 'https:' ? https : http).request({
      ...target,
      method: init.method ?? 'GET',
      headers,
      agent: agents[target.protocol],
    });
    const onAbort = (): void => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, ONCE);
    const fail = (message: string, cause: unknown): void => {
      signal?.removeEventListener('abort', onAbort);
      reject(new TypeError(message, { cause }));
    };
    request.on('error', (error) => fail('fetch failed', error));
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => fail('terminated', error));
      response.on('end', () => {
        signal?.removeEventListener('abort', onAbort);
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location !== undefined)
          resolve(fetch(url, init));
        else
          resolve(
            new BufferedResponse(
              chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks),
              status,
              response.statusMessage ?? '',
              response.headers,
              url,
            ),
          );
      });
    });
    request.end(body);
  });
}

const ONCE = { once: true } as const;

/** The request's headers as a plain record with lower-case names, over fetch's defaults. */
function headerRecord(headers: RequestInit['headers']): Record<string, string> {
  // fetch's own defaults, so a server sees the same request either way.
  const record: Record<string, string> = { accept: '*/*', 'user-agent': 'node' };
  if (headers === undefined) return record;
  const entries: Iterable<[string, string]> =
    headers instanceof Headers
      ? headers.entries()
      : Array.isArray(headers)
        ? (headers as [string, string][])
        : Object.entries(headers).map(([name, value]): [string, string] => [name, String(value)]);
  for (const [name, value] of entries) record[name.toLowerCase()] = value;
  return record;
}
