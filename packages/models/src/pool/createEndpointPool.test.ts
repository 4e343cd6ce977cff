import { describe, expect, it } from 'vitest';
import type { ModelRequest, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import type { FakeAnswer } from '../testing/FakeModel.js';
import { FakeModel } from '../testing/FakeModel.js';
import { ManualClock } from '../wrappers/ManualClock.js';
import { createEndpointPool } from './createEndpointPool.js';

const ask = (content: string, signal?: AbortSignal): ModelRequest => ({
  messages: [{ role: 'user', content }],
  ...(signal === undefined ? {} : { signal }),
});

/** A host whose calls stay in flight until the test answers them. */
function heldHost(name: string) {
  const pending: { content: string; answer: (a: FakeAnswer) => void }[] = [];
  const model = new FakeModel({
    host: name,
    answers: (request) =>
      new Promise<FakeAnswer>((resolve) =>
        pending.push({ content: request.messages[0]?.content ?? '', answer: resolve }),
      ),
  });
  return { model, pending };
}

const inFlight = (pool: ReturnType<typeof createEndpointPool>) => pool.stats().hosts.map((h) => h.inFlight);
const states = (pool: ReturnType<typeof createEndpointPool>) => pool.stats().hosts.map((h) => h.state);

describe('createEndpointPool', () => {
  it('lists its hosts in info() and names duplicates apart', () => {
    const pool = createEndpointPool(
      [
        new FakeModel({ host: 'gpu1', model: 'emollama', backend: 'ollama' }),
        new FakeModel({ host: 'gpu2' }),
        new FakeModel({ host: 'gpu1' }),
      ],
      { maxInFlightPerHost: 1, cooldownMs: 100 },
    );
    expect(pool.info()).toMatchObject({ id: 'ollama:emollama', hosts: ['gpu1', 'gpu2', 'gpu1#2'] });
    expect(() => createEndpointPool([], { maxInFlightPerHost: 1, cooldownMs: 1 })).toThrow(RangeError);
  });

  it('round-robins between idle hosts and tags each answer with its host', async () => {
    const pool = createEndpointPool(
      ['a', 'b', 'c'].map((host) => new FakeModel({ host })),
      { maxInFlightPerHost: 2, cooldownMs: 100, clock: new ManualClock() },
    );
    const hosts: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) hosts.push((await pool.generate(ask(`q${i}`))).host);
    expect(hosts).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(pool.stats().hosts.map((h) => h.served)).toEqual([2, 2, 2]);
  });

  it('sends each request to the host with the fewest outstanding requests', async () => {
    const hosts = ['a', 'b', 'c'].map(heldHost);
    const pool = createEndpointPool(
      hosts.map((h) => h.model),
      { maxInFlightPerHost: 4, cooldownMs: 100, clock: new ManualClock() },
    );
    const answers: Promise<ModelResponse>[] = [];
    for (let i = 0; i < 6; i++) answers.push(pool.generate(ask(`q${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([2, 2, 2]);
    for (const call of (hosts[0]?.pending ?? []).splice(0)) call.answer('1194');
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([0, 2, 2]);
    answers.push(pool.generate(ask('q6')), pool.generate(ask('q7')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([2, 2, 2]);
    expect(hosts[0]?.pending.map((p) => p.content)).toEqual(['q6', 'q7']);
  });

  it('never exceeds the per-host cap; the excess queues FIFO and leaves the queue on abort', async () => {
    const hosts = ['a', 'b'].map(heldHost);
    const pool = createEndpointPool(
      hosts.map((h) => h.model),
      { maxInFlightPerHost: 2, cooldownMs: 100, clock: new ManualClock() },
    );
    const controller = new AbortController();
    const calls = [0, 1, 2, 3].map((i) => pool.generate(ask(`q${i}`)));
    const aborted = pool.generate(ask('q4', controller.signal)).catch((e: unknown) => e);
    const later = [5, 6].map((i) => pool.generate(ask(`q${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([2, 2]);
    expect(pool.stats().queued).toBe(3);

    controller.abort();
    expect(((await aborted) as ModelError).kind).toBe('aborted');
    expect(pool.stats().queued).toBe(2);

    hosts[1]?.pending[0]?.answer('x');
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([2, 2]);
    expect(hosts[1]?.pending.map((p) => p.content)).toEqual(['q1', 'q3', 'q5']);
    expect(pool.stats().queued).toBe(1);

    const all = Promise.all([...calls, ...later]);
    let done = false;
    void all.then(() => {
      done = true;
    });
    while (!done) {
      for (const h of hosts) for (const p of h.pending.splice(0)) p.answer('x');
      await new Promise((resolve) => setImmediate(resolve));
      expect(Math.max(...inFlight(pool))).toBeLessThanOrEqual(2);
    }
    expect(hosts.flatMap((h) => h.model.requests.map((r) => r.messages[0]?.content)).sort()).toEqual([
      'q0',
      'q1',
      'q2',
      'q3',
      'q5',
      'q6',
    ]);
  });

  it('takes a failing host out for a doubling back-off, retries elsewhere and probes it after the back-off', async () => {
    const clock = new ManualClock(10_000);
    const a = new FakeModel({ host: 'a', answers: ['from a'] });
    const b = new FakeModel({ host: 'b', answers: ['from b'] });
    const pool = createEndpointPool([a, b], {
      maxInFlightPerHost: 4,
      cooldownMs: 1000,
      maxCooldownMs: 3000,
      clock,
    });

    a.failNext(new ModelError('connection', 'refused'));
    const first = await pool.generate(ask('q0'));
    expect(first.host).toBe('b');
    expect(pool.stats().hosts[0]).toMatchObject({
      state: 'cooling',
      failures: 1,
      consecutiveFailures: 1,
      cooldownUntil: 11_000,
    });

    for (let i = 1; i <= 3; i++) expect((await pool.generate(ask(`q${i}`))).host).toBe('b');
    expect(a.calls).toBe(1);

    await clock.advance(1000);
    expect(states(pool)).toEqual(['probing', 'ready']);
    a.failNext(new ModelError('server', 'HTTP 500'));
    while (a.calls < 2) await pool.generate(ask('probe'));
    expect(pool.stats().hosts[0]).toMatchObject({
      state: 'cooling',
      consecutiveFailures: 2,
      cooldownUntil: 13_000,
    });

    await clock.advance(2000);
    a.failNext(new ModelError('busy', 'HTTP 503'));
    while (a.calls < 3) await pool.generate(ask('probe'));
    expect(pool.stats().hosts[0]?.cooldownUntil).toBe(16_000);

    await clock.advance(3000);
    while (a.calls < 4) await pool.generate(ask('probe'));
    expect(pool.stats().hosts[0]).toMatchObject({
      state: 'ready',
      consecutiveFailures: 0,
      served: 1,
      failures: 3,
    });
  });

  it('a probing host gets one call at a time', async () => {
    const clock = new ManualClock();
    const a = heldHost('a');
    const b = heldHost('b');
    const pool = createEndpointPool([a.model, b.model], { maxInFlightPerHost: 3, cooldownMs: 500, clock });
    const q0 = pool.generate(ask('q0'));
    await new Promise((resolve) => setImmediate(resolve));
    a.pending.shift()?.answer(new ModelError('timeout', 'slow'));
    await new Promise((resolve) => setImmediate(resolve));
    b.pending.shift()?.answer('ok');
    await q0;
    await clock.advance(500);
    const calls = [1, 2, 3, 4].map((i) => pool.generate(ask(`q${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([1, 3]);
    a.pending.shift()?.answer('ok');
    await new Promise((resolve) => setImmediate(resolve));
    expect(states(pool)).toEqual(['ready', 'ready']);
    expect(inFlight(pool)).toEqual([0, 3]);
    for (const p of b.pending.splice(0)) p.answer('ok');
    await Promise.all(calls);
  });

  it('failures of calls already in flight during one outage count once', async () => {
    const a = heldHost('a');
    const pool = createEndpointPool([a.model], {
      maxInFlightPerHost: 3,
      cooldownMs: 100,
      clock: new ManualClock(),
    });
    const calls = [0, 1, 2].map((i) => pool.generate(ask(`q${i}`)).catch((e: unknown) => e));
    await new Promise((resolve) => setImmediate(resolve));
    expect(inFlight(pool)).toEqual([3]);
    for (const p of a.pending.splice(0)) p.answer(new ModelError('connection', 'reset'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.stats().hosts[0]).toMatchObject({ failures: 3, consecutiveFailures: 1, cooldownUntil: 100 });
    expect(pool.stats().queued).toBe(3);
    await pool.close();
    for (const call of calls) expect(((await call) as ModelError).kind).toBe('aborted');
  });

  it('an answer to a call started before the outage does not end the back-off', async () => {
    const a = heldHost('a');
    const pool = createEndpointPool([a.model, new FakeModel({ host: 'b' })], {
      maxInFlightPerHost: 2,
      cooldownMs: 100,
      clock: new ManualClock(),
    });
    const calls = [0, 1, 2].map((i) => pool.generate(ask(`q${i}`)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(a.pending.map((p) => p.content)).toEqual(['q0', 'q2']);
    a.pending[0]?.answer(new ModelError('connection', 'reset'));
    await new Promise((resolve) => setImmediate(resolve));
    a.pending[1]?.answer('late but fine');
    await Promise.all(calls);
    expect(pool.stats().hosts[0]).toMatchObject({
      state: 'cooling',
      served: 1,
      failures: 1,
      consecutiveFailures: 1,
    });
  });

  it('when every host is cooling, waits for the earliest one to come back', async () => {
    const clock = new ManualClock();
    const a = new FakeModel({ host: 'a' }).failNext(new ModelError('connection', 'refused'));
    const b = new FakeModel({ host: 'b' }).failNext(new ModelError('connection', 'refused'));
    const pool = createEndpointPool([a, b], { maxInFlightPerHost: 2, cooldownMs: 1000, clock });
    let settled = false;
    const answer = pool.generate(ask('q')).finally(() => {
      settled = true;
    });
    await clock.advance(999);
    expect(settled).toBe(false);
    expect(states(pool)).toEqual(['cooling', 'cooling']);
    expect(pool.stats().queued).toBe(1);
    await clock.advance(1);
    expect(await answer).toMatchObject({ text: '42', host: 'a' });
    expect([a.calls, b.calls]).toEqual([2, 1]);
  });

  it('an abort while every host is cooling ends the wait', async () => {
    const clock = new ManualClock();
    const a = new FakeModel({ host: 'a' }).failNext(new ModelError('busy', 'HTTP 503'));
    const pool = createEndpointPool([a], { maxInFlightPerHost: 1, cooldownMs: 1000, clock });
    const controller = new AbortController();
    const settled = pool.generate(ask('q', controller.signal)).catch((e: unknown) => e);
    await clock.advance(10);
    controller.abort();
    expect(((await settled) as ModelError).kind).toBe('aborted');
    expect(pool.stats().queued).toBe(0);
  });

  it('gives up after maxAttempts host failures, naming the hosts tried', async () => {
    const clock = new ManualClock();
    const down = (host: string) =>
      new FakeModel({ host, answers: [new ModelError('connection', `cannot reach ${host}`, { host })] });
    const pool = createEndpointPool([down('a'), down('b')], {
      maxInFlightPerHost: 1,
      cooldownMs: 100,
      maxAttempts: 3,
      clock,
    });
    const settled = pool.generate(ask('q')).catch((e: unknown) => e);
    await clock.runAll();
    const error = (await settled) as ModelError;
    expect(error.kind).toBe('connection');
    expect(error.message).toBe('cannot reach a (endpoint pool gave up after 3 attempts on a, b)');
  });

  it('passes errors that are the request’s fault through without cooling the host', async () => {
    const bad = new ModelError('bad-request', 'HTTP 400: invalid schema');
    const a = new FakeModel({ host: 'a' }).failNext(bad);
    const pool = createEndpointPool([a, new FakeModel({ host: 'b' })], {
      maxInFlightPerHost: 1,
      cooldownMs: 100,
    });
    await expect(pool.generate(ask('q'))).rejects.toBe(bad);
    expect(pool.stats().hosts[0]).toMatchObject({ state: 'ready', failures: 0 });
  });

  it('readiness succeeds with one ready host, reports the others and cools them down', async () => {
    const clock = new ManualClock();
    const pool = createEndpointPool(
      [
        new FakeModel({ host: 'a', readyError: new ModelError('connection', 'cannot reach a') }),
        new FakeModel({ host: 'b' }),
      ],
      { maxInFlightPerHost: 1, cooldownMs: 100, clock },
    );
    expect(await pool.readiness()).toEqual({
      ready: ['b'],
      notReady: [{ host: 'a', error: 'cannot reach a' }],
    });
    await expect(pool.ready()).resolves.toBeUndefined();
    expect(states(pool)).toEqual(['cooling', 'ready']);
    expect((await pool.generate(ask('q'))).host).toBe('b');
  });

  it('readiness fails naming every host when none is ready', async () => {
    const pool = createEndpointPool(
      ['a', 'b'].map(
        (host) =>
          new FakeModel({ host, readyError: new ModelError('not-found', `model missing on ${host}`) }),
      ),
      { maxInFlightPerHost: 1, cooldownMs: 100, clock: new ManualClock() },
    );
    await expect(pool.ready()).rejects.toMatchObject({
      kind: 'not-found',
      message: 'no host of the endpoint pool is ready (a: model missing on a; b: model missing on b)',
    });
  });

  it('close rejects queued requests and closes every host', async () => {
    const a = heldHost('a');
    const pool = createEndpointPool([a.model], {
      maxInFlightPerHost: 1,
      cooldownMs: 100,
      clock: new ManualClock(),
    });
    void pool.generate(ask('q0')).catch(() => undefined);
    const queued = pool.generate(ask('q1')).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    await pool.close();
    expect(((await queued) as ModelError).kind).toBe('aborted');
    expect(a.model.closed).toBe(true);
  });
});
