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
 *    Anything else (a stream or form body, another protocol) goes to the global `fetch`.
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
  const target = new URL(url);
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return fetch(input, init);
  return send(target, url, init ?? {}, body ?? undefined).then((response) =>
    response === 'redirect' ? fetch(input, init) : response,
  );
};

/** One request over Node's HTTP client; 'redirect' when the server answered with a redirect. */
function send(
  target: URL,
  url: string,
  init: RequestInit,
  body: string | undefined,
): Promise<BufferedResponse | 'redirect'> {
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const protocol = target.protocol as 'http:' | 'https:';
  return new Promise((resolve, reject) => {
    const headers = headerRecord(init.headers);
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const request = (protocol === 'https:' ? https : http).request(target, {
      method: init.method ?? 'GET',
      headers,
      agent: agents[protocol],
    });
    const onAbort = (): void => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (): void => signal?.removeEventListener('abort', onAbort);
    request.on('error', (error) => {
      done();
      reject(new TypeError('fetch failed', { cause: error }));
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => {
        done();
        reject(new TypeError('terminated', { cause: error }));
      });
      response.on('aborted', () => {
        done();
        reject(new TypeError('terminated', { cause: connectionReset() }));
      });
      response.on('end', () => {
        done();
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location !== undefined) resolve('redirect');
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

function connectionReset(): Error {
  return Object.assign(new Error('the server closed the connection mid-answer'), { code: 'ECONNRESET' });
}
