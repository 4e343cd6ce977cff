import { afterEach, describe, expect, it } from 'vitest';
import { createBackendStack } from './createBackendStack.js';
import { ModelError } from './ModelError.js';
import { type OllamaTestServer, startOllamaTestServer } from './testing/OllamaTestServer.js';

const ask = { messages: [{ role: 'user' as const, content: 'How far?' }], options: { seed: 1 } };
const servers: OllamaTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function start(): Promise<OllamaTestServer> {
  const server = await startOllamaTestServer({ models: ['llama3.2:1b'] });
  servers.push(server);
  return server;
}

describe('createBackendStack', () => {
  it('builds the synthetic model in-process, and refuses --host for it', async () => {
    const stack = createBackendStack({ model: 'synthetic' });
    expect(stack.spec).toMatchObject({ backend: 'synthetic', model: 'synthetic' });
    await stack.backend.ready?.();
    await stack.backend.generate({ ...ask, hints: { truth: 1194, unit: 'mi' } });
    expect(stack.modelCalls()).toBe(1);
    expect(stack.info().isLanguageModel).toBe(false);
    expect(() => createBackendStack({ model: 'synthetic', hosts: ['127.0.0.1:1'] })).toThrow(
      /--host does not apply to --model synthetic/,
    );
  });

  it("passes the backend's own flags to it, and refuses another backend's flag", async () => {
    const server = await start();
    const stack = createBackendStack({
      model: 'ollama:llama3.2:1b',
      hosts: [server.url],
      settings: { 'ollama-client': 'native' },
    });
    expect(stack.settings).toEqual({ 'ollama-client': 'native' });
    await stack.backend.generate(ask);
    expect(server.requests.at(-1)?.body).toMatchObject({ stream: false });
    expect(() =>
      createBackendStack({
        model: 'openai:llama3.2:1b',
        hosts: [server.url],
        settings: { 'ollama-client': 'native' },
      }),
    ).toThrow('--ollama-client applies to ollama: models, not openai:NAME');
  });

  it('takes an openai server from OPENAI_BASE_URL, and needs one', () => {
    const stack = createBackendStack({
      model: 'openai:m',
      env: { OPENAI_BASE_URL: 'http://10.0.0.5:8000/v1/' },
    });
    expect(stack.info().hosts).toEqual(['http://10.0.0.5:8000']);
    expect(() => createBackendStack({ model: 'openai:m', env: {} })).toThrow(
      '--model openai:NAME needs --host URL (e.g. --host http://127.0.0.1:8000) or OPENAI_BASE_URL',
    );
  });

  for (const model of ['ollama:llama3.2:1b', 'openai:llama3.2:1b']) {
    it(`cuts off ${model} at --timeout when the server never answers, and counts each attempt`, async () => {
      const server = await start();
      server.setFaults({ failRate: 1, failKinds: ['hang'] });
      const stack = createBackendStack({ model, hosts: [server.url], timeoutMs: 250, retries: 1, seed: 3 });
      const started = performance.now();
      const error = await stack.backend.generate(ask).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelError);
      expect(error).toMatchObject({ kind: 'timeout', host: server.url });
      expect((error as Error).message).toMatch(/within 250 ms .*gave up after 2 attempts/);
      expect(stack.modelCalls()).toBe(2);
      expect(performance.now() - started).toBeLessThan(5_000);
      await stack.close();
    });
  }

  it('spreads several hosts over a pool, each bounded by the timeout', async () => {
    const [a, b] = [await start(), await start()];
    const stack = createBackendStack({
      model: 'ollama:llama3.2:1b',
      hosts: [a.url, b.url],
      settings: { 'ollama-client': 'native' },
    });
    expect(stack.pool).toBeDefined();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => stack.backend.generate({ ...ask, options: { seed: i } })),
    );
    expect(a.requests.length).toBeGreaterThan(0);
    expect(b.requests.length).toBeGreaterThan(0);
    expect(stack.info().hosts).toEqual([a.url, b.url]);
  });
});
