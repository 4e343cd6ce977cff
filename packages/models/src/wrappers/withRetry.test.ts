import { describe, expect, it } from 'vitest';
import type { ModelErrorKind } from '../ModelError.js';
import { ModelError } from '../ModelError.js';
import type { Rng } from '../Rng.js';
import { createRng } from '../Rng.js';
import { FakeModel } from '../testing/FakeModel.js';
import { ManualClock } from './ManualClock.js';
import type { RetryEvent } from './withRetry.js';
import { backoffDelay, withRetry } from './withRetry.js';

const ask = { messages: [{ role: 'user' as const, content: 'How far is Seattle from Fargo?' }] };

/** An Rng whose `next` always returns `u` (to read the cap of the full-jitter draw). */
function constantRng(u: number): Rng {
  const rng = createRng(0);
  return { ...rng, next: () => u };
}

describe('backoffDelay', () => {
  it('doubles the cap per retry up to maxDelayMs (upper edge of the jitter)', () => {
    const options = { baseDelayMs: 100, maxDelayMs: 1000, rng: constantRng(0.999999) };
    const caps = [0, 1, 2, 3, 4, 5].map((retry) => Math.round(backoffDelay(retry, options)));
    expect(caps).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('draws uniformly within [0, cap): full jitter covers the whole range', () => {
    const rng = createRng('jitter');
    const draws = Array.from({ length: 4000 }, () =>
      backoffDelay(3, { baseDelayMs: 50, maxDelayMs: 10_000, rng }),
    );
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(400);
    expect(Math.min(...draws)).toBeLessThan(20);
    expect(Math.max(...draws)).toBeGreaterThan(380);
    expect(draws.reduce((s, d) => s + d, 0) / draws.length).toBeCloseTo(200, -1);
  });
});

describe('withRetry', () => {
  it('retries retryable errors with exponential back-off and returns the eventual answer', async () => {
    const clock = new ManualClock();
    const model = new FakeModel({ answers: ['1194'] })
      .failNext(new ModelError('connection', 'refused'))
      .failNext(new ModelError('busy', '503'))
      .failNext(new ModelError('server', '500'));
    const events: RetryEvent[] = [];
    const retrying = withRetry(model, {
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 10_000,
      rng: constantRng(0.5),
      sleep: clock.sleep,
      onRetry: (event) => events.push(event),
    });
    const answer = retrying.generate(ask);
    await clock.runAll();
    await expect(answer).resolves.toMatchObject({ text: '1194' });
    expect(model.calls).toBe(4);
    expect(clock.sleeps).toEqual([50, 100, 200]);
    expect(events.map((e) => [e.attempt, e.error.kind, e.delayMs])).toEqual([
      [1, 'connection', 50],
      [2, 'busy', 100],
      [3, 'server', 200],
    ]);
  });

  it('is reproducible: the same seed gives the same delays', async () => {
    const delays = async (seed: number): Promise<number[]> => {
      const clock = new ManualClock();
      const model = new FakeModel().failNext(new ModelError('timeout', 'slow'), 4);
      const retrying = withRetry(model, {
        retries: 4,
        baseDelayMs: 100,
        maxDelayMs: 5000,
        rng: createRng(seed),
        sleep: clock.sleep,
      });
      const answer = retrying.generate(ask);
      await clock.runAll();
      await answer;
      return clock.sleeps;
    };
    expect(await delays(1)).toEqual(await delays(1));
    expect(await delays(1)).not.toEqual(await delays(2));
  });

  it.each<ModelErrorKind>([
    'not-found',
    'bad-request',
    'aborted',
    'limit',
  ])('never retries %s', async (kind) => {
    const clock = new ManualClock();
    const error = new ModelError(kind, `${kind} happened`);
    const model = new FakeModel().failNext(error);
    const retrying = withRetry(model, {
      retries: 3,
      baseDelayMs: 10,
      maxDelayMs: 100,
      rng: createRng(1),
      sleep: clock.sleep,
    });
    await expect(retrying.generate(ask)).rejects.toBe(error);
    expect(model.calls).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not retry exceptions that are not ModelErrors', async () => {
    const model = new FakeModel({
      answers: () => {
        throw new TypeError('bug');
      },
    });
    const retrying = withRetry(model, {
      retries: 3,
      baseDelayMs: 10,
      maxDelayMs: 100,
      rng: createRng(1),
      sleep: new ManualClock().sleep,
    });
    await expect(retrying.generate(ask)).rejects.toThrow(TypeError);
    expect(model.calls).toBe(1);
  });

  it('gives up after retries + 1 attempts and says so, keeping kind, host and cause', async () => {
    const clock = new ManualClock();
    const last = new ModelError('busy', 'server overloaded', { status: 503, host: 'gpu1:11434' });
    const model = new FakeModel().failNext(new ModelError('busy', 'first'), 2).failNext(last);
    const retrying = withRetry(model, {
      retries: 2,
      baseDelayMs: 10,
      maxDelayMs: 100,
      rng: createRng(1),
      sleep: clock.sleep,
    });
    const answer = retrying.generate(ask);
    const settled = answer.catch((error: unknown) => error);
    await clock.runAll();
    const error = (await settled) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toBe('server overloaded (gave up after 3 attempts)');
    expect([error.kind, error.status, error.host, error.cause]).toEqual(['busy', 503, 'gpu1:11434', last]);
    expect(model.calls).toBe(3);
  });

  it('a non-retryable error after retries still reports the attempts', async () => {
    const clock = new ManualClock();
    const model = new FakeModel()
      .failNext(new ModelError('timeout', 'slow'))
      .failNext(new ModelError('not-found', 'no model'));
    const retrying = withRetry(model, {
      retries: 5,
      baseDelayMs: 10,
      maxDelayMs: 100,
      rng: createRng(1),
      sleep: clock.sleep,
    });
    const settled = retrying.generate(ask).catch((error: unknown) => error);
    await clock.runAll();
    const error = (await settled) as ModelError;
    expect([error.kind, error.message]).toEqual(['not-found', 'no model (gave up after 2 attempts)']);
  });

  it('stops waiting at once when the caller aborts during the back-off', async () => {
    const clock = new ManualClock();
    const model = new FakeModel().failNext(new ModelError('connection', 'refused'), 10);
    const retrying = withRetry(model, {
      retries: 10,
      baseDelayMs: 1000,
      maxDelayMs: 60_000,
      rng: createRng(3),
      sleep: clock.sleep,
    });
    const controller = new AbortController();
    const settled = retrying.generate({ ...ask, signal: controller.signal }).catch((error: unknown) => error);
    await clock.flush();
    expect(clock.pending).toBe(1);
    controller.abort();
    const error = (await settled) as ModelError;
    expect(error.kind).toBe('aborted');
    expect(model.calls).toBe(1);
    expect(clock.pending).toBe(0);
  });

  it('passes info, ready and close through', async () => {
    const model = new FakeModel({ model: 'emollama', backend: 'ollama' });
    const retrying = withRetry(model, { retries: 1, baseDelayMs: 1, maxDelayMs: 1, rng: createRng(1) });
    expect(retrying.info().id).toBe('ollama:emollama');
    await retrying.close?.();
    expect(model.closed).toBe(true);
  });
});
