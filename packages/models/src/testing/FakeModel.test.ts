import { describe, expect, it } from 'vitest';
import { ModelError } from '../ModelError.js';
import { ManualClock } from '../wrappers/ManualClock.js';
import { FakeModel } from './FakeModel.js';

const ask = (content: string) => ({ messages: [{ role: 'user' as const, content }] });

describe('FakeModel', () => {
  it('answers from a cycled list, throws scripted errors and records requests', async () => {
    const busy = new ModelError('busy', 'overloaded');
    const model = new FakeModel({
      answers: ['a', busy, { text: 'c', usage: { promptTokens: 3, completionTokens: 1 } }],
    });
    expect((await model.generate(ask('1'))).text).toBe('a');
    await expect(model.generate(ask('2'))).rejects.toBe(busy);
    const third = await model.generate(ask('3'));
    expect([third.text, third.usage.promptTokens, third.cached, third.model]).toEqual([
      'c',
      3,
      false,
      'fake',
    ]);
    expect((await model.generate(ask('4'))).text).toBe('a');
    expect(model.requests.map((r) => r.messages[0]?.content)).toEqual(['1', '2', '3', '4']);
  });

  it('answers from a function of the request and call index, and parses JSON when a schema was asked', async () => {
    const model = new FakeModel({
      answers: (request, call) => JSON.stringify({ estimate: call, echo: request.messages[0]?.content }),
    });
    const plain = await model.generate(ask('x'));
    expect(plain.structured).toBeUndefined();
    const structured = await model.generate({ ...ask('y'), schema: { type: 'object' } });
    expect(structured.structured).toEqual({ estimate: 1, echo: 'y' });
  });

  it('failNext throws before the script; info reports backend, model, digest and host', async () => {
    const model = new FakeModel({ backend: 'ollama', model: 'emollama', digest: 'sha256:abc', host: 'gpu2' });
    model.failNext(new ModelError('connection', 'refused'), 2);
    await expect(model.generate(ask('1'))).rejects.toMatchObject({ kind: 'connection' });
    await expect(model.generate(ask('2'))).rejects.toMatchObject({ kind: 'connection' });
    expect((await model.generate(ask('3'))).host).toBe('gpu2');
    expect(model.info()).toEqual({
      id: 'ollama:emollama',
      backend: 'ollama',
      model: 'emollama',
      digest: 'sha256:abc',
      hosts: ['gpu2'],
      isLanguageModel: true,
    });
  });

  it('waits its delay on the injected clock and honours abort while waiting', async () => {
    const clock = new ManualClock();
    const model = new FakeModel({ delayMs: 250, sleep: clock.sleep });
    const answer = model.generate(ask('1'));
    await clock.advance(250);
    expect((await answer).latencyMs).toBe(250);
    const controller = new AbortController();
    const settled = model.generate({ ...ask('2'), signal: controller.signal }).catch((e: unknown) => e);
    await clock.advance(100);
    controller.abort();
    expect(((await settled) as ModelError).kind).toBe('aborted');
  });

  it('ready throws the configured error', async () => {
    await expect(new FakeModel().ready()).resolves.toBeUndefined();
    const down = new ModelError('connection', 'cannot reach gpu3');
    await expect(new FakeModel({ readyError: down }).ready()).rejects.toBe(down);
  });
});
