import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Ollama } from 'ollama';
import { afterEach, describe, expect, it } from 'vitest';
import type { OllamaTestServer, OllamaTestServerOptions } from './OllamaTestServer.js';
import { startOllamaTestServer } from './OllamaTestServer.js';

const servers: OllamaTestServer[] = [];
async function start(options: OllamaTestServerOptions = {}): Promise<OllamaTestServer> {
  const srv = await startOllamaTestServer(options);
  servers.push(srv);
  return srv;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const post = (srv: OllamaTestServer, path: string, body: unknown) =>
  fetch(`${srv.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function ndjson(res: Response): Promise<Record<string, unknown>[]> {
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const SCHEMA = {
  type: 'object',
  properties: {
    estimate: { type: 'number' },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    reasoning: { type: 'string' },
    unit: { type: 'string', enum: ['mi', 'km'] },
  },
  required: ['estimate', 'confidence', 'reasoning', 'unit'],
};

describe('OllamaTestServer: Ollama REST API', () => {
  it('streams /api/chat as NDJSON token chunks and a final done chunk with Ollama statistics', async () => {
    const srv = await start({ respond: () => 'About twelve hundred miles.' });
    const res = await post(srv, '/api/chat', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'How far?' }],
    });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await ndjson(res);
    expect(lines.slice(0, -1).map((l) => (l.message as { content: string }).content)).toEqual([
      'About ',
      'twelve ',
      'hundred ',
      'miles.',
    ]);
    for (const l of lines.slice(0, -1))
      expect(l).toMatchObject({ model: 'llama3.2:1b', done: false, message: { role: 'assistant' } });
    const last = lines.at(-1) ?? {};
    expect(last).toMatchObject({
      done: true,
      done_reason: 'stop',
      eval_count: 4,
      message: { role: 'assistant', content: '' },
    });
    for (const key of [
      'created_at',
      'total_duration',
      'load_duration',
      'prompt_eval_count',
      'prompt_eval_duration',
      'eval_duration',
    ])
      expect(last).toHaveProperty(key);
  });

  it('answers stream:false with one JSON object, and num_predict truncates with done_reason "length"', async () => {
    const srv = await start({ respond: () => 'one two three four five' });
    const res = await post(srv, '/api/chat', {
      model: 'llama3.2',
      messages: [{ role: 'user', content: 'x' }],
      stream: false,
      options: { num_predict: 2 },
    });
    expect(res.status).toBe(404); // "llama3.2" means "llama3.2:latest", which the server does not have
    expect(await res.json()).toEqual({ error: 'model "llama3.2:latest" not found, try pulling it first' });
    const ok = await post(srv, '/api/chat', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'x' }],
      stream: false,
      options: { num_predict: 2 },
    });
    expect(await ok.json()).toMatchObject({
      message: { role: 'assistant', content: 'one two ' },
      done: true,
      done_reason: 'length',
      eval_count: 2,
    });
  });

  it('answers a JSON-schema format with JSON valid for the schema, deterministic in seed and prompt', async () => {
    const srv = await start();
    const ask = async (seed: number, content: string) => {
      const r = await post(srv, '/api/chat', {
        model: 'llama3.2:1b',
        messages: [{ role: 'user', content }],
        stream: false,
        format: SCHEMA,
        options: { seed },
      });
      return JSON.parse(((await r.json()) as { message: { content: string } }).message.content) as Record<
        string,
        unknown
      >;
    };
    const a = await ask(1, 'How far is Seattle?');
    expect(typeof a.estimate).toBe('number');
    expect(a.confidence as number).toBeGreaterThanOrEqual(0);
    expect(a.confidence as number).toBeLessThanOrEqual(1);
    expect(typeof a.reasoning).toBe('string');
    expect(['mi', 'km']).toContain(a.unit);
    expect(await ask(1, 'How far is Seattle?')).toEqual(a);
    const others = [await ask(2, 'How far is Seattle?'), await ask(1, 'How far is Fargo?')];
    expect(others.some((o) => o.estimate !== a.estimate)).toBe(true);
  });

  it('serves /api/generate streaming and non-streaming, and an empty prompt just loads the model', async () => {
    const srv = await start({
      respond: (p) => `echo ${p.messages.map((m) => `${m.role}:${m.content}`).join('|')}`,
    });
    const whole = (await (
      await post(srv, '/api/generate', { model: 'llama3.2:1b', prompt: 'hi', system: 'sys', stream: false })
    ).json()) as Record<string, unknown>;
    expect(whole).toMatchObject({ response: 'echo system:sys|user:hi', done: true, done_reason: 'stop' });
    expect(Array.isArray(whole.context)).toBe(true);
    const lines = await ndjson(await post(srv, '/api/generate', { model: 'llama3.2:1b', prompt: 'hi' }));
    expect(lines.map((l) => l.response).join('')).toBe('echo user:hi');
    expect(await (await post(srv, '/api/generate', { model: 'llama3.2:1b' })).json()).toMatchObject({
      response: '',
      done: true,
      done_reason: 'load',
    });
  });

  it('works with the official ollama client: version, tags, show, ps with keep_alive, delete', async () => {
    const srv = await start({ models: ['llama3.2:1b', 'emollama'], version: '0.9.9' });
    const client = new Ollama({ host: srv.url });
    expect(await client.version()).toEqual({ version: '0.9.9' });
    const { models } = await client.list();
    expect(models.map((m) => m.name)).toEqual(['llama3.2:1b', 'emollama:latest']);
    expect(models[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
    const shown = await client.show({ model: 'emollama' });
    expect(shown.modelfile).toContain('FROM ');
    expect(shown.capabilities).toEqual(['completion']);
    await expect(client.show({ model: 'ghost' })).rejects.toMatchObject({
      status_code: 404,
      error: "model 'ghost' not found",
    });

    expect((await client.ps()).models).toEqual([]);
    await client.chat({ model: 'emollama', messages: [{ role: 'user', content: 'hi' }], keep_alive: '10m' });
    const running = (await client.ps()).models;
    expect(running.map((m) => m.name)).toEqual(['emollama:latest']);
    await client.generate({ model: 'emollama', prompt: '', keep_alive: 0 });
    expect((await client.ps()).models).toEqual([]);

    await client.delete({ model: 'emollama' });
    expect(srv.models).toEqual(['llama3.2:1b']);
    await expect(client.delete({ model: 'emollama' })).rejects.toMatchObject({ status_code: 404 });
  });

  it('stores blobs only when the sha256 digest matches, and creates models that stream status lines', async () => {
    const srv = await start();
    const data = Buffer.from('fake adapter weights');
    const digest = `sha256:${createHash('sha256').update(data).digest('hex')}`;
    expect((await fetch(`${srv.url}/api/blobs/${digest}`, { method: 'HEAD' })).status).toBe(404);
    const wrong = await fetch(`${srv.url}/api/blobs/${digest}`, {
      method: 'POST',
      body: Buffer.from('other bytes'),
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toMatch(
      /^digest mismatch, expected "sha256:[0-9a-f]{64}", got "sha256:[0-9a-f]{64}"$/,
    );
    expect((await fetch(`${srv.url}/api/blobs/${digest}`, { method: 'POST', body: data })).status).toBe(201);
    expect((await fetch(`${srv.url}/api/blobs/${digest}`, { method: 'HEAD' })).status).toBe(200);

    const lines = await ndjson(
      await post(srv, '/api/create', {
        model: 'emollama',
        from: 'llama3.2:1b',
        adapters: { 'adapter.safetensors': digest },
        system: 'You feel joy.',
        parameters: { temperature: 0.8 },
      }),
    );
    expect(lines.at(-1)).toEqual({ status: 'success' });
    expect(lines.map((l) => l.status)).toContain(`using existing layer ${digest}`);
    expect(srv.models).toContain('emollama:latest');
    const shown = (await (await post(srv, '/api/show', { model: 'emollama' })).json()) as {
      system: string;
      parameters: string;
    };
    expect(shown.system).toBe('You feel joy.');
    expect(shown.parameters).toContain('temperature');

    const missing = await post(srv, '/api/create', { model: 'x', from: 'ghost' });
    expect(missing.status).toBe(404);
    const noBase = await post(srv, '/api/create', { model: 'x' });
    expect(await noBase.json()).toEqual({ error: "neither 'from' or 'files' was specified" });
  });

  it('records every request with method, path and parsed body', async () => {
    const srv = await start();
    await post(srv, '/api/chat', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'q' }],
      options: { seed: 5 },
    });
    await fetch(`${srv.url}/api/tags`);
    expect(srv.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/api/chat'],
      ['GET', '/api/tags'],
    ]);
    expect(srv.requests[0]?.body).toEqual({
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'q' }],
      options: { seed: 5 },
    });
    srv.clearRequests();
    expect(srv.requests).toHaveLength(0);
  });
});

describe('OllamaTestServer: OpenAI-compatible endpoints', () => {
  it('answers /v1/chat/completions without streaming, mapping max_tokens, seed and response_format', async () => {
    const seen: unknown[] = [];
    const srv = await start({
      respond: (p) => {
        seen.push({ options: p.options, format: p.format });
        return 'a b c d';
      },
    });
    const res = await post(srv, '/v1/chat/completions', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'q' }],
      seed: 9,
      max_tokens: 3,
      temperature: 0.2,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: SCHEMA } },
    });
    expect(await res.json()).toMatchObject({
      object: 'chat.completion',
      model: 'llama3.2:1b',
      choices: [{ index: 0, message: { role: 'assistant', content: 'a b c ' }, finish_reason: 'length' }],
      usage: { completion_tokens: 3 },
    });
    expect(seen).toEqual([{ options: { seed: 9, num_predict: 3, temperature: 0.2 }, format: SCHEMA }]);
  });

  it('streams server-sent events ending in [DONE], with a usage chunk when asked', async () => {
    const srv = await start({ respond: () => 'x y' });
    const res = await post(srv, '/v1/chat/completions', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'q' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const events = (await res.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map(
      (e) =>
        JSON.parse(e.replace(/^data: /, '')) as {
          choices: { delta: { content?: string }; finish_reason: string | null }[];
          usage?: unknown;
        },
    );
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('x y');
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)?.usage).toMatchObject({ completion_tokens: 2 });
  });

  it('lists models at /v1/models and answers unknown models with an OpenAI error body', async () => {
    const srv = await start({ models: ['a:1b', 'b'] });
    expect(await (await fetch(`${srv.url}/v1/models`)).json()).toMatchObject({
      object: 'list',
      data: [{ id: 'a:1b', object: 'model' }, { id: 'b:latest' }],
    });
    const res = await post(srv, '/v1/chat/completions', { model: 'zzz', messages: [] });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        message: 'model "zzz:latest" not found, try pulling it first',
        type: 'not_found_error',
        param: null,
        code: null,
      },
    });
  });
});

describe('OllamaTestServer: faults', () => {
  const chat = (srv: OllamaTestServer) =>
    post(srv, '/api/chat', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'one two three four' }],
      stream: false,
    });

  it('fails the next N requests with the given kind, then recovers', async () => {
    const srv = await start();
    srv.failNext(2, 'busy');
    const first = await chat(srv);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({
      error: 'server busy, please try again.  maximum pending requests exceeded',
    });
    expect((await chat(srv)).status).toBe(503);
    expect((await chat(srv)).status).toBe(200);
    srv.failNext(1, 'server-error');
    expect((await chat(srv)).status).toBe(500);
  });

  it('draws failures from a seeded stream: the same seed gives the same sequence', async () => {
    const outcomes = async (seed: number) => {
      const srv = await start({ failRate: 0.5, failKinds: ['busy', 'server-error'], seed });
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await chat(srv)).status);
      return statuses;
    };
    const a = await outcomes(11);
    expect(await outcomes(11)).toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 500, 503]));
    expect(await outcomes(12)).not.toEqual(a);
  });

  it('truncates bodies so they are invalid JSON / NDJSON, and resets connections mid-answer', async () => {
    const srv = await start();
    srv.failNext(1, 'truncate');
    const text = await (await chat(srv)).text();
    expect(() => JSON.parse(text)).toThrow();
    srv.failNext(1, 'truncate');
    const streamed = await (
      await post(srv, '/api/chat', { model: 'llama3.2:1b', messages: [{ role: 'user', content: 'q' }] })
    ).text();
    expect(streamed.endsWith('\n')).toBe(false);
    expect(streamed).not.toContain('"done":true');
    srv.failNext(1, 'reset');
    const res = await post(srv, '/api/chat', {
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'q' }],
    });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('hangs until the client gives up, and answers 503 beyond maxPending', async () => {
    const srv = await start({ maxPending: 1 });
    srv.failNext(1, 'hang');
    const controller = new AbortController();
    const hung = fetch(`${srv.url}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'llama3.2:1b', messages: [] }),
      signal: controller.signal,
    });
    while (srv.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const second = await chat(srv);
    expect(second.status).toBe(503);
    controller.abort();
    await expect(hung).rejects.toThrow();
    expect((await chat(srv)).status).toBe(200);
  });

  it('can change faults at runtime', async () => {
    const srv = await start();
    srv.setFaults({ failRate: 1, failKinds: ['server-error'] });
    expect((await chat(srv)).status).toBe(500);
    srv.setFaults({ failRate: 0 });
    expect((await chat(srv)).status).toBe(200);
  });
});

describe('ollamaTestServerMain', () => {
  it('runs as a process that prints its URL first and serves the API', async () => {
    const main = fileURLToPath(new URL('./ollamaTestServerMain.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', main, '--models', 'm1,m2:7b', '--seed', '3'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const url = await new Promise<string>((resolve) => lines.once('line', resolve));
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const tags = (await (await fetch(`${url}/api/tags`)).json()) as { models: { name: string }[] };
      expect(tags.models.map((m) => m.name)).toEqual(['m1:latest', 'm2:7b']);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  });
});
