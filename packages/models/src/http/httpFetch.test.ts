import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFetch } from './httpFetch.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

const routes: Record<string, Handler> = {
  '/echo': (req, body, res) => {
    res.writeHead(201, 'Made', { 'content-type': 'application/json', 'x-two': ['a', 'b'] });
    res.end(JSON.stringify({ method: req.method, body, headers: req.headers }));
  },
  '/busy': (_req, _body, res) => {
    res.writeHead(503, { 'content-type': 'application/json' });
    res.end('{"error":"server busy"}');
  },
  '/cut': (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"partial":');
    setTimeout(() => res.socket?.destroy(), 20);
  },
  '/hang': () => undefined,
  '/moved': (_req, _body, res) => {
    res.writeHead(307, { location: '/echo' });
    res.end();
  },
  '/empty': (_req, _body, res) => {
    res.writeHead(204);
    res.end();
  },
};

let server: Server;
let base: string;
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => routes[req.url ?? '']?.(req, body, res));
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpFetch', () => {
  it('sends method, headers and body, and answers with status, headers and the whole body', async () => {
    const res = await httpFetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Key': 'k' },
      body: '{"é":1}',
    });
    expect([res.ok, res.status, res.statusText, res.url]).toEqual([true, 201, 'Made', `${base}/echo`]);
    expect(res.headers.get('x-two')).toBe('a, b');
    const seen = (await res.json()) as { method: string; body: string; headers: Record<string, string> };
    expect(seen.method).toBe('POST');
    expect(seen.body).toBe('{"é":1}');
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers['x-key']).toBe('k');
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength('{"é":1}')));
    // fetch's defaults, overridable.
    expect([seen.headers.accept, seen.headers['user-agent']]).toEqual(['*/*', 'node']);
    await expect(res.text()).rejects.toThrow(TypeError);
  });

  it('keeps one connection open for calls one after another', async () => {
    const before = sockets.size;
    for (let i = 0; i < 5; i++) await (await httpFetch(`${base}/echo`)).text();
    expect(sockets.size - before).toBeLessThanOrEqual(1);
  });

  it('gives an error status with its body, and the body as a stream', async () => {
    const res = await httpFetch(`${base}/busy`, { method: 'POST', body: '{}' });
    expect([res.ok, res.status]).toEqual([false, 503]);
    expect(res.headers.get('content-type')).toBe('application/json');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const { value } = await reader.read();
    expect(Buffer.from(value as Uint8Array).toString()).toBe('{"error":"server busy"}');
  });

  it('rejects like fetch: unreachable, cut mid-answer, aborted', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await httpFetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error).message).toBe('fetch failed');
    expect(((refused as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');

    const cut = await httpFetch(`${base}/cut`).catch((e: unknown) => e);
    expect((cut as Error).message).toBe('terminated');
    expect(((cut as Error).cause as { code?: string }).code).toBe('ECONNRESET');

    const controller = new AbortController();
    const reason = new Error('stop');
    setTimeout(() => controller.abort(reason), 20);
    await expect(httpFetch(`${base}/hang`, { signal: controller.signal })).rejects.toBe(reason);
    await expect(httpFetch(`${base}/echo`, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('follows a redirect and sends other bodies through the global fetch', async () => {
    const moved = await httpFetch(`${base}/moved`, { method: 'POST', body: 'x' });
    expect([moved.status, ((await moved.json()) as { body: string }).body]).toEqual([201, 'x']);
    const form = new FormData();
    form.set('field', 'value');
    const sent = await httpFetch(`${base}/echo`, { method: 'POST', body: form });
    expect(((await sent.json()) as { body: string }).body).toContain('value');
    await expect(httpFetch('http://[bad')).rejects.toThrow(TypeError);
    const empty = await httpFetch(`${base}/empty`);
    expect([empty.status, empty.body, await empty.text()]).toEqual([204, null, '']);
  });
});
