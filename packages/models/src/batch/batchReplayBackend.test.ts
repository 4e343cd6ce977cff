import { afterEach, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { OpenAICompatibleBackend } from '../openai/OpenAICompatibleBackend.js';
import type { OllamaTestServer } from '../testing/OllamaTestServer.js';
import { startOllamaTestServer } from '../testing/OllamaTestServer.js';
import { batchCaptureBackend } from './batchCaptureBackend.js';
import type { BatchOutput } from './batchOutputLine.js';
import { BATCH_NOT_ANSWERED, batchReplayBackend } from './batchReplayBackend.js';
import { encodeBatchRequestLine } from './batchRequestLine.js';
import { requestDigest } from './requestDigest.js';

let server: OllamaTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SCHEMA = {
  type: 'object',
  properties: { estimate: { type: 'number' }, confidence: { type: 'number', minimum: 0, maximum: 1 } },
  required: ['estimate'],
};
const request = (seed: number): ModelRequest => ({
  messages: [
    { role: 'system', content: 'You are a careful estimator.' },
    { role: 'user', content: 'How far is Seattle from Fargo, in miles?' },
  ],
  options: { seed, temperature: 0.8, maxTokens: 256, keepAlive: '30m' },
  schema: SCHEMA,
  replicate: 0,
});

describe('batch requests and answers of the openai backend', () => {
  it('a batch line carries, byte for byte, the body the server receives online', async () => {
    server = await startOllamaTestServer();
    const online = new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: server.url });
    await online.generate(request(7));
    const received = server.requests[0]?.text as string;
    const capture = batchCaptureBackend(online);
    const placeholder = await capture.backend.generate(request(7));
    const captured = capture.take(placeholder.text);
    expect(captured).toBeDefined();
    const line = encodeBatchRequestLine('id-1', captured?.body as never);
    const prefix = '{"custom_id":"id-1","method":"POST","url":"/v1/chat/completions","body":';
    expect(line.startsWith(prefix)).toBe(true);
    expect(line.slice(prefix.length, -1)).toBe(received);
    expect(captured?.digest).toBe(requestDigest(JSON.parse(received)));
    // keepAlive is no OpenAI field and is sent neither way.
    expect(received).not.toContain('keep');
    expect(capture.take(placeholder.text)).toBeUndefined();
  });

  it('answers from an output line exactly as the online call answered, and misses nothing else', async () => {
    server = await startOllamaTestServer();
    const online = new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: server.url });
    const live = await online.generate(request(11));
    const completion = await (
      await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        body: server.requests[0]?.text as string,
      })
    ).json();
    const digest = requestDigest(online.requestBody(request(11)));
    const answered: BatchOutput = { kind: 'answered', customId: 'x', statusCode: 200, body: completion };
    const replay = batchReplayBackend({
      adapter: online,
      answerFor: (d) => (d === digest ? { output: answered, source: 'results.jsonl' } : undefined),
    });
    const replayed = await replay.generate(request(11));
    expect(replayed.text).toBe(live.text);
    expect(replayed.structured).toEqual(live.structured);
    expect(replayed.usage).toEqual(live.usage);
    expect(replayed).toMatchObject({
      cached: false,
      latencyMs: 0,
      model: 'openai:llama3.2:1b',
      host: 'results.jsonl',
    });
    expect(replay.info()).toEqual(online.info());
    const missing = await replay.generate(request(12)).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ModelError);
    expect(missing).toMatchObject({ kind: 'limit', message: BATCH_NOT_ANSWERED });
  });

  it('turns a failed line into the error the online call throws for the same status', async () => {
    server = await startOllamaTestServer();
    const online = new OpenAICompatibleBackend({ model: 'llama3.2:1b', baseUrl: server.url });
    server.failNext(1, 'busy');
    const live = await online.generate(request(3)).catch((e: unknown) => e as ModelError);
    const busy: BatchOutput = {
      kind: 'failed',
      customId: 'x',
      statusCode: 503,
      message: 'server busy, please try again.  maximum pending requests exceeded',
    };
    const replay = batchReplayBackend({
      adapter: online,
      answerFor: () => ({ output: busy, source: 'errors.jsonl' }),
    });
    const replayed = (await replay.generate(request(3)).catch((e: unknown) => e)) as ModelError;
    expect(replayed.kind).toBe(live.kind);
    expect(replayed.message).toBe(live.message.replaceAll(server.url, 'errors.jsonl'));
    const notRun: BatchOutput = { kind: 'not-run', customId: 'x', code: 'batch_expired', message: 'expired' };
    const expired = batchReplayBackend({
      adapter: online,
      answerFor: () => ({ output: notRun, source: 'e' }),
    });
    expect(await expired.generate(request(3)).catch((e: unknown) => e)).toMatchObject({ kind: 'limit' });
    const timeout: BatchOutput = {
      kind: 'failed',
      customId: 'x',
      code: 'request_timeout',
      message: 'The request timed out.',
    };
    const timedOut = batchReplayBackend({
      adapter: online,
      answerFor: () => ({ output: timeout, source: 'e' }),
    });
    expect(await timedOut.generate(request(3)).catch((e: unknown) => e)).toMatchObject({
      kind: 'server',
      message: 'e: the request failed (request_timeout: The request timed out.)',
    });
  });
});
