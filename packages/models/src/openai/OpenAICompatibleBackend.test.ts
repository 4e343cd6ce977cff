import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ModelError } from '../ModelError.js';
import type { OllamaTestServer, OllamaTestServerOptions } from '../testing/OllamaTestServer.js';
import { startOllamaTestServer } from '../testing/OllamaTestServer.js';
import type { OllamaFaultKind } from '../testing/OllamaTestServerFaults.js';
import { OpenAICompatibleBackend } from './OpenAICompatibleBackend.js';

const servers: OllamaTestServer[] = [];
const plain: Server[] = [];
async function start(options: OllamaTestServerOptions = {}): Promise<OllamaTestServer> {
  const srv = await startOllamaTestServer(options);
  servers.push(srv);
  return srv;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(plain.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const ask = [{ role: 'user' as const, content: 'How far is Seattle from Fargo?' }];
const SCHEMA = {
  type: 'object',
  properties: { estimate: { type: 'number' }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
  required: ['estimate', 'confidence'],
};

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelError);
  return err as ModelError;
}

describe('OpenAICompatibleBackend', () => {
  it('posts to /v1/chat/completions with every option and the schema as response_format', async () => {
    const srv = await start();
    const backend = new OpenAICompatibleBackend({
      model: 'llama3.2:1b',
      baseUrl: `${srv.url}/v1/`,
      apiKey: 'sk-test',
    });
    const res = await backend.generate({
      messages: ask,
      schema: SCHEMA,
      options: { seed: 4, temperature: 0.5, maxTokens: 99, topP: 0.95 },
    });
    const req = srv.requests[0];
    expect(req?.path).toBe('/v1/chat/completions');
    expect(req?.headers.authorization).toBe('Bearer sk-test');
    expect(req?.body).toEqual({
      model: 'llama3.2:1b',
      messages: ask,
      stream: false,
      seed: 4,
      temperature: 0.5,
      max_tokens: 99,
      top_p: 0.95,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: SCHEMA } },
    });
    expect(res.structured).toEqual(JSON.parse(res.text));
    expect(res.usage.completionTokens).toBeGreaterThan(0);
    expect(res.usage.promptTokens).toBeGreaterThan(0);
    expect(res).toMatchObject({ model: 'openai:llama3.2:1b', host: srv.url, cached: false });
    expect(backend.info()).toEqual({
      id: 'openai:llama3.2:1b',
      backend: 'openai',
      model: 'llama3.2:1b',
      isLanguageModel: true,
      hosts: [srv.url],
      capabilities: {
        seed: true,
        temperature: true,
        maxTokens: true,
        topP: true,
        keepAlive: false,
        schema: true,
      },
    });
  });

  it('takes the API key from OPENAI_API_KEY and sends none when there is none', async () => {
    const srv = await start();
    const saved = process.env.OPENAI_API_KEY;
    try {
      process.env.OPENAI_API_KEY = 'sk-env';
      await new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: srv.url }).generate({
        messages: ask,
      });
      delete process.env.OPENAI_API_KEY;
      await new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: srv.url }).generate({
        messages: ask,
      });
    } finally {
      if (saved === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved;
    }
    expect(srv.requests.map((r) => r.headers.authorization)).toEqual(['Bearer sk-env', undefined]);
  });

  it('returns free text without structure when the server ignores the schema', async () => {
    const srv = await start({ respond: () => 'Maybe 1500 miles.' });
    const res = await new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: srv.url }).generate({
      messages: ask,
      schema: SCHEMA,
    });
    expect(res.text).toBe('Maybe 1500 miles.');
    expect(res.structured).toBeUndefined();
  });

  const cases: [OllamaFaultKind, ModelError['kind']][] = [
    ['busy', 'busy'],
    ['server-error', 'server'],
    ['reset', 'connection'],
    ['truncate', 'bad-response'],
    ['hang', 'timeout'],
  ];
  for (const [fault, kind] of cases) {
    it(`maps the "${fault}" fault to "${kind}"`, async () => {
      const srv = await start();
      srv.failNext(1, fault);
      const err = await failure(
        new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: srv.url, timeoutMs: 300 }).generate({
          messages: ask,
        }),
      );
      expect(err.kind).toBe(kind);
      expect(err.message).toContain(srv.url);
    });
  }

  it('maps an unknown model to not-found, a wrong base URL to bad-request, and abort to aborted', async () => {
    const srv = await start();
    const missing = await failure(
      new OpenAICompatibleBackend({ model: 'ghost', baseUrl: srv.url }).generate({ messages: ask }),
    );
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toBe(
      `model "ghost" not found on ${srv.url} — check the served model names at ${srv.url}/v1/models`,
    );
    const wrongBase = await failure(
      new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: `${srv.url}/nope` }).generate({
        messages: ask,
      }),
    );
    expect(wrongBase.kind).toBe('bad-request');
    expect(wrongBase.message).toContain('check the base URL');

    srv.failNext(1, 'hang');
    const controller = new AbortController();
    const pending = new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: srv.url }).generate({
      messages: ask,
      signal: controller.signal,
    });
    while (
      !srv.requests.some(
        (r) => r.path === '/v1/chat/completions' && (r.body as { model: string }).model === 'llama3.2:1b',
      )
    )
      await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('reads vLLM-style errors and maps 401 to bad-request naming the key', async () => {
    const server = createServer((req, res) => {
      req.resume();
      const status = req.headers.authorization ? 400 : 401;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          object: 'error',
          message: status === 401 ? 'Unauthorized' : 'max_tokens is too large',
          type: 'BadRequestError',
          code: status,
        }),
      );
    });
    plain.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      const noKey = await failure(
        new OpenAICompatibleBackend({ model: 'm', baseUrl: base }).generate({ messages: ask }),
      );
      expect(noKey).toMatchObject({ kind: 'bad-request', status: 401 });
      expect(noKey.message).toContain('OPENAI_API_KEY');
      const tooLarge = await failure(
        new OpenAICompatibleBackend({ model: 'm', baseUrl: base, apiKey: 'k' }).generate({
          messages: ask,
          options: { maxTokens: 1e9 },
        }),
      );
      expect(tooLarge).toMatchObject({ kind: 'bad-request', status: 400 });
      expect(tooLarge.message).toContain('max_tokens is too large');
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });

  it('ready() checks that /v1/models lists the model', async () => {
    const srv = await start({ models: ['llama3.2:1b'] });
    await new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: srv.url }).ready();
    const err = await failure(new OpenAICompatibleBackend({ model: 'qwen', baseUrl: srv.url }).ready());
    expect(err.kind).toBe('not-found');
    expect(err.message).toContain('serves: llama3.2:1b');
  });
});
