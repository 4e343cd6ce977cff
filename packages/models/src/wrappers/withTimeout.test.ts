import { describe, expect, it } from 'vitest';
import type { ModelRequest } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { FakeModel } from '../testing/FakeModel.js';
import { ManualClock } from './ManualClock.js';
import { withTimeout } from './withTimeout.js';

const ask = { messages: [{ role: 'user' as const, content: 'Distance?' }] };

describe('withTimeout', () => {
  it('answers normally within the limit and cancels its timer', async () => {
    const clock = new ManualClock();
    const model = new FakeModel({ answers: ['1194'], delayMs: 500, sleep: clock.sleep });
    const timed = withTimeout(model, 1000, { clock });
    const answer = timed.generate(ask);
    await clock.advance(500);
    await expect(answer).resolves.toMatchObject({ text: '1194' });
    expect(clock.pending).toBe(0);
  });

  it('raises timeout past the limit and aborts the signal the backend received', async () => {
    const clock = new ManualClock();
    const model = new FakeModel({ delayMs: 5000, sleep: clock.sleep, host: 'gpu1:11434' });
    const timed = withTimeout(model, 1000, { clock });
    const settled = timed.generate(ask).catch((error: unknown) => error);
    await clock.advance(999);
    expect(model.requests[0]?.signal?.aborted).toBe(false);
    await clock.advance(1);
    const error = (await settled) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect([error.kind, error.message, error.host]).toEqual([
      'timeout',
      'no complete answer from gpu1:11434 (fake) within 1000 ms — raise the timeout (--timeout) or lower the load',
      'gpu1:11434',
    ]);
    expect(model.requests[0]?.signal?.aborted).toBe(true);
  });

  it('times out even when the backend ignores its signal', async () => {
    const clock = new ManualClock();
    const never = new FakeModel({ answers: () => new Promise<string>(() => undefined) });
    const timed = withTimeout(never, 200, { clock });
    const settled = timed.generate(ask).catch((error: unknown) => error);
    await clock.advance(200);
    expect(((await settled) as ModelError).kind).toBe('timeout');
  });

  it("reports the caller's abort as aborted, without touching the caller's signal otherwise", async () => {
    const clock = new ManualClock();
    const model = new FakeModel({ delayMs: 5000, sleep: clock.sleep });
    const timed = withTimeout(model, 1000, { clock });
    const controller = new AbortController();
    const settled = timed.generate({ ...ask, signal: controller.signal }).catch((error: unknown) => error);
    await clock.advance(100);
    controller.abort();
    expect(((await settled) as ModelError).kind).toBe('aborted');
    await clock.advance(2000);
    expect(clock.pending).toBe(0);
  });

  it('refuses an already aborted request without calling the backend', async () => {
    const model = new FakeModel();
    const timed = withTimeout(model, 1000, { clock: new ManualClock() });
    const request: ModelRequest = { ...ask, signal: AbortSignal.abort() };
    await expect(timed.generate(request)).rejects.toMatchObject({ kind: 'aborted' });
    expect(model.calls).toBe(0);
  });

  it('passes other errors through unchanged', async () => {
    const error = new ModelError('not-found', 'model "x" not found; run: ollama pull x');
    const timed = withTimeout(new FakeModel().failNext(error), 1000, { clock: new ManualClock() });
    await expect(timed.generate(ask)).rejects.toBe(error);
  });

  it('works with the real clock (short limit, slow backend)', async () => {
    const slow = new FakeModel({ delayMs: 10_000 });
    const timed = withTimeout(slow, 20);
    await expect(timed.generate(ask)).rejects.toMatchObject({ kind: 'timeout' });
  });
});
