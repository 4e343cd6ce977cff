import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelError } from '../ModelError.js';
import type { OllamaTestServer, OllamaTestServerOptions } from '../testing/OllamaTestServer.js';
import { startOllamaTestServer } from '../testing/OllamaTestServer.js';
import type { OllamaFaultKind } from '../testing/OllamaTestServerFaults.js';
import { OllamaBackend } from './OllamaBackend.js';

const servers: OllamaTestServer[] = [];
async function start(options: OllamaTestServerOptions = {}): Promise<OllamaTestServer> {
  const srv = await startOllamaTestServer(options);
  servers.push(srv);
  return srv;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const ask = [{ role: 'user' as const, content: 'How far is it from Fargo, ND to Seattle, WA in miles?' }];
const SCHEMA = {
  type: 'object',
  properties: {
    estimate: { type: 'number' },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    reasoning: { type: 'string' },
  },
  required: ['estimate', 'confidence', 'reasoning'],
};

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError');
}

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.each(['langchain', 'native'] as const)('OllamaBackend.generate through the %s client', (client) => {
  it('sends every option through to /api/chat (streaming with langchain, one whole answer with native), and reports usage and latency', async () => {
    const srv = await start({ respond: () => 'I guess 1,300 miles.' });
    const backend = new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
    });
    const res = await backend.generate({
      messages: [{ role: 'system', content: 'You are calm.' }, { role: 'assistant', content: 'Ok.' }, ...ask],
      options: { seed: 42, temperature: 0.3, maxTokens: 64, topP: 0.8, keepAlive: '30m' },
      hints: { truth: 1194, unit: 'mi' },
    });
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]?.path).toBe('/api/chat');
    expect(srv.requests[0]?.body).toEqual({
      model: 'llama3.2:1b',
      keep_alive: '30m',
      options: { seed: 42, temperature: 0.3, num_predict: 64, top_p: 0.8 },
      messages: [{ role: 'system', content: 'You are calm.' }, { role: 'assistant', content: 'Ok.' }, ...ask],
      stream: client === 'langchain',
    });
    expect(res.text).toBe('I guess 1,300 miles.');
    expect(res.structured).toBeUndefined();
    expect(res.usage.completionTokens).toBe(4);
    expect(res.usage.promptTokens).toBeGreaterThan(0);
    expect(res.latencyMs).toBeGreaterThan(0);
    expect(res).toMatchObject({ cached: false, model: 'ollama:llama3.2:1b', host: srv.url });
  });

  it('lets request options override the backend defaults, and applies defaults otherwise', async () => {
    const srv = await start();
    const backend = new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
      defaults: { temperature: 0.9, keepAlive: -1 },
    });
    await backend.generate({ messages: ask, options: { temperature: 0, seed: 0 } });
    expect(srv.requests[0]?.body).toMatchObject({ keep_alive: -1, options: { temperature: 0, seed: 0 } });
  });

  it('sends the schema as Ollama format and parses the structured answer', async () => {
    const srv = await start();
    const backend = new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
    });
    const res = await backend.generate({ messages: ask, schema: SCHEMA, options: { seed: 7 } });
    expect(srv.requests[0]?.body).toMatchObject({ format: SCHEMA });
    expect(res.structured).toEqual(JSON.parse(res.text));
    expect(res.structured).toMatchObject({
      estimate: expect.any(Number),
      confidence: expect.any(Number),
      reasoning: expect.any(String),
    });
    const again = await backend.generate({ messages: ask, schema: SCHEMA, options: { seed: 7 } });
    expect(again.text).toBe(res.text);
  });

  it('falls back to the plain text when the model answers free text despite a schema', async () => {
    const srv = await start({ respond: () => 'Roughly 1200 miles, I think.' });
    const res = await new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
    }).generate({
      messages: ask,
      schema: SCHEMA,
    });
    expect(res.text).toBe('Roughly 1200 miles, I think.');
    expect(res.structured).toBeUndefined();
  });

  it('extracts JSON wrapped in prose', async () => {
    const srv = await start({
      respond: () => 'Sure! {"estimate": 1200, "confidence": 0.5, "reasoning": "map"} Hope it helps.',
    });
    const res = await new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
    }).generate({
      messages: ask,
      schema: SCHEMA,
    });
    expect(res.structured).toEqual({ estimate: 1200, confidence: 0.5, reasoning: 'map' });
  });

  const cases: [OllamaFaultKind, ModelError['kind'], RegExp][] = [
    [
      'busy',
      'busy',
      /is busy \(503: server busy, please try again. {2}maximum pending requests exceeded\) — lower the concurrency/,
    ],
    ['server-error', 'server', /failed \(500: llama runner process has terminated/],
    ['reset', 'connection', /closed mid-answer/],
    ['truncate', 'bad-response', /malformed or truncated answer/],
    ['hang', 'timeout', /within 300 ms/],
  ];
  for (const [fault, kind, message] of cases) {
    it(`maps the "${fault}" fault to a "${kind}" ModelError naming the host`, async () => {
      const srv = await start();
      srv.failNext(1, fault);
      // The ollama client reports a truncated NDJSON line with console.warn before failing.
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const err = await failure(
        new OllamaBackend({
          client,
          model: 'llama3.2:1b',
          host: srv.url,
          timeoutMs: 300,
        }).generate({
          messages: ask,
        }),
      );
      expect(err.kind).toBe(kind);
      expect(err.message).toMatch(message);
      expect(err.message).toContain(srv.url);
      expect(err.message).not.toContain('\n');
      expect(err.host).toBe(srv.url);
      warn.mockRestore();
    });
  }

  it('says how to fix a missing model', async () => {
    const srv = await start();
    const err = await failure(
      new OllamaBackend({
        client,
        model: 'emollama',
        host: srv.url,
      }).generate({ messages: ask }),
    );
    expect(err.kind).toBe('not-found');
    expect(err.status).toBe(404);
    expect(err.retryable).toBe(false);
    expect(err.message).toBe(
      `model "emollama" not found on ${srv.url} — run: ollama pull emollama (or ollama create emollama -f Modelfile)`,
    );
  });

  it('maps a refused connection to "connection" with the ollama serve fix', async () => {
    const port = await closedPort();
    const err = await failure(
      new OllamaBackend({
        client,
        model: 'm',
        host: `127.0.0.1:${port}`,
      }).generate({ messages: ask }),
    );
    expect(err.kind).toBe('connection');
    expect(err.message).toBe(
      `cannot reach http://127.0.0.1:${port} (ECONNREFUSED) — start it with "ollama serve" or set OLLAMA_HOST`,
    );
    expect(err.retryable).toBe(true);
  });

  it('aborts a call in flight when the caller aborts, and never sends one already aborted', async () => {
    const srv = await start();
    srv.failNext(1, 'hang');
    const backend = new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
    });
    const controller = new AbortController();
    const pending = backend.generate({ messages: ask, signal: controller.signal });
    while (srv.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const err = await failure(pending);
    expect(err.kind).toBe('aborted');
    expect(err.retryable).toBe(false);

    const before = srv.requests.length;
    const early = await failure(backend.generate({ messages: ask, signal: AbortSignal.abort() }));
    expect(early.kind).toBe('aborted');
    expect(srv.requests.length).toBe(before);
  });

  it('aborts while the answer is streaming, without returning a partial answer', async () => {
    const controller = new AbortController();
    const srv = await start({
      respond: () => {
        // The server streams right after this returns, one token per event-loop turn.
        setImmediate(() => controller.abort());
        return Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
      },
    });
    const pending = new OllamaBackend({
      client,
      model: 'llama3.2:1b',
      host: srv.url,
    }).generate({
      messages: ask,
      signal: controller.signal,
    });
    expect((await failure(pending)).kind).toBe('aborted');
  });
});

describe('OllamaBackend clients', () => {
  it('uses the native client by default, and both clients get the same answer to the same request', async () => {
    const srv = await start();
    const request = { messages: ask, schema: SCHEMA, options: { seed: 5, temperature: 0.8, maxTokens: 200 } };
    const native = await new OllamaBackend({ model: 'llama3.2:1b', host: srv.url }).generate(request);
    expect(srv.requests[0]?.body).toMatchObject({ stream: false });
    const viaLangChain = await new OllamaBackend({
      client: 'langchain',
      model: 'llama3.2:1b',
      host: srv.url,
    }).generate(request);
    expect(srv.requests[1]?.body).toMatchObject({ stream: true });
    const { stream: _a, ...nativeBody } = srv.requests[0]?.body as Record<string, unknown>;
    const { stream: _b, ...langChainBody } = srv.requests[1]?.body as Record<string, unknown>;
    expect(langChainBody).toEqual(nativeBody);
    expect(viaLangChain.text).toBe(native.text);
    expect(viaLangChain.structured).toEqual(native.structured);
    expect(viaLangChain.usage).toEqual(native.usage);
  });
});

describe('OllamaBackend.ready and info', () => {
  it('checks the server and the model, and records the digest from /api/tags', async () => {
    const srv = await start({ models: ['llama3.2:1b', 'emollama'] });
    const backend = new OllamaBackend({ model: 'emollama', host: srv.url });
    expect(backend.info()).toEqual({
      id: 'ollama:emollama',
      backend: 'ollama',
      model: 'emollama',
      isLanguageModel: true,
      hosts: [srv.url],
      capabilities: {
        seed: true,
        temperature: true,
        maxTokens: true,
        topP: true,
        keepAlive: true,
        schema: true,
      },
    });
    await backend.ready();
    expect(srv.requests.map((r) => r.path)).toEqual(['/api/version', '/api/tags']);
    const tags = (await (await fetch(`${srv.url}/api/tags`)).json()) as {
      models: { name: string; digest: string }[];
    };
    expect(backend.info().digest).toBe(tags.models.find((m) => m.name === 'emollama:latest')?.digest);
  });

  it('names the host, the models present and the fix when the model is missing', async () => {
    const srv = await start({ models: ['llama3.2:1b'] });
    const err = await failure(new OllamaBackend({ model: 'emollama', host: srv.url }).ready());
    expect(err.kind).toBe('not-found');
    expect(err.message).toBe(
      `model "emollama" not found on ${srv.url} (has: llama3.2:1b) — run: ollama pull emollama (or ollama create emollama -f Modelfile)`,
    );
  });

  it('fails with "connection" when the server is down', async () => {
    const port = await closedPort();
    const err = await failure(new OllamaBackend({ model: 'm', host: `http://127.0.0.1:${port}` }).ready());
    expect(err.kind).toBe('connection');
    expect(err.message).toContain(`http://127.0.0.1:${port}`);
  });

  it('takes the host from OLLAMA_HOST when no option is given', async () => {
    const srv = await start();
    const saved = process.env.OLLAMA_HOST;
    process.env.OLLAMA_HOST = srv.url.replace('http://', '');
    try {
      const backend = new OllamaBackend({ model: 'llama3.2:1b' });
      expect(backend.host).toBe(srv.url);
      await backend.ready();
    } finally {
      if (saved === undefined) delete process.env.OLLAMA_HOST;
      else process.env.OLLAMA_HOST = saved;
    }
  });
});
