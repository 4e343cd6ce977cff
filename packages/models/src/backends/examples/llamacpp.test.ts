import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackendStack } from '../../createBackendStack.js';
import { ModelError } from '../../ModelError.js';
import { backendRegistry } from '../backendRegistry.js';
import { createBackendRegistry } from '../createBackendRegistry.js';
import { llamacpp } from './llamacpp.js';

/** A llama-server stand-in on loopback: records each request; `answer` decides each reply. */
type Reply = { status: number; body: unknown } | 'hang';
const received: { path: string; body: unknown }[] = [];
let close = async (): Promise<void> => {};
afterEach(async () => {
  received.length = 0;
  await close();
});

async function serve(answer: (path: string, body: unknown) => Reply): Promise<string> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const body: unknown = text ? JSON.parse(text) : undefined;
      const path = req.url ?? '/';
      received.push({ path, body });
      const reply = answer(path, body);
      if (reply === 'hang') return; // never answers
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A well-behaved llama-server serving the model "qwen". */
const healthy = (path: string): Reply => {
  if (path === '/health') return { status: 200, body: { status: 'ok' } };
  if (path === '/props') return { status: 200, body: { model_alias: 'qwen' } };
  if (path === '/apply-template') return { status: 200, body: { prompt: '<|user|>How far?<|assistant|>' } };
  return { status: 200, body: { content: '{"estimate": 1200}', tokens_evaluated: 50, tokens_predicted: 7 } };
};

/** The registry with the example added: one line. */
const registry = createBackendRegistry([...backendRegistry.definitions, llamacpp]);

describe('the llamacpp example backend (docs/guides/add-a-backend.md)', () => {
  it('sends the chat template, then every option under llama.cpp names, and parses the structured answer', async () => {
    const host = await serve(healthy);
    const stack = createBackendStack({ model: 'llamacpp:qwen', hosts: [host], registry, retries: 0 });
    await stack.backend.ready?.();
    const res = await stack.backend.generate({
      messages: [{ role: 'user', content: 'How far?' }],
      options: { seed: 7, temperature: 0.5, maxTokens: 64, topP: 0.9 },
      schema: { type: 'object' },
    });
    expect(received.map((r) => r.path)).toEqual(['/health', '/props', '/apply-template', '/completion']);
    expect(received[2]?.body).toEqual({ messages: [{ role: 'user', content: 'How far?' }] });
    expect(received[3]?.body).toEqual({
      prompt: '<|user|>How far?<|assistant|>',
      stream: false,
      seed: 7,
      temperature: 0.5,
      n_predict: 64,
      top_p: 0.9,
      json_schema: { type: 'object' },
    });
    expect(res.structured).toEqual({ estimate: 1200 });
    expect(res.usage).toEqual({ promptTokens: 50, completionTokens: 7 });
    expect(stack.info()).toMatchObject({ id: 'llamacpp:qwen', backend: 'llamacpp', hosts: [host] });
  });

  it('turns a 503 into a retryable busy error naming the host, which the stack retries', async () => {
    let completions = 0;
    const host = await serve((path, body) =>
      path === '/completion' && completions++ === 0
        ? { status: 503, body: { error: 'slots busy' } }
        : healthy(path, body),
    );
    const error = await createBackendStack({ model: 'llamacpp:qwen', hosts: [host], registry, retries: 0 })
      .backend.generate({ messages: [{ role: 'user', content: 'Hi' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ kind: 'busy', retryable: true, host });
    const retried = createBackendStack({
      model: 'llamacpp:qwen',
      hosts: [host],
      registry,
      retries: 1,
      seed: 1,
    });
    completions = 0;
    await expect(
      retried.backend.generate({ messages: [{ role: 'user', content: 'Hi' }] }),
    ).resolves.toMatchObject({
      text: '{"estimate": 1200}',
    });
    expect(retried.modelCalls()).toBe(2);
  });

  it('has no timeout of its own, yet --timeout cuts off a server that never answers', async () => {
    const host = await serve((path, body) => (path === '/completion' ? 'hang' : healthy(path, body)));
    const stack = createBackendStack({
      model: 'llamacpp:qwen',
      hosts: [host],
      registry,
      retries: 0,
      timeoutMs: 300,
    });
    const started = performance.now();
    const error = await stack.backend
      .generate({ messages: [{ role: 'user', content: 'Hi' }] })
      .catch((e: unknown) => e);
    const waited = performance.now() - started;
    expect(error).toMatchObject({ kind: 'timeout', host });
    expect((error as Error).message).toMatch(/within 300 ms/);
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(5_000);
  });

  it('its readiness check is bounded by the timeout too', async () => {
    const host = await serve(() => 'hang');
    const stack = createBackendStack({ model: 'llamacpp:qwen', hosts: [host], registry, timeoutMs: 200 });
    await expect(stack.backend.ready?.()).rejects.toMatchObject({ kind: 'timeout', host });
  });

  it('says which model the server has when it serves another one', async () => {
    const host = await serve((path, body) =>
      path === '/props' ? { status: 200, body: { model_alias: 'llama' } } : healthy(path, body),
    );
    const stack = createBackendStack({ model: 'llamacpp:qwen', hosts: [host], registry });
    await expect(stack.backend.ready?.()).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('serves: llama'),
    });
  });
});
