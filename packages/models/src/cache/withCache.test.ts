import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelRequest } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { FakeModel } from '../testing/FakeModel.js';
import { ManualClock } from '../wrappers/ManualClock.js';
import { keyFor, legacyKeyFor } from './keyFor.js';
import { ResponseCache } from './ResponseCache.js';
import { withCache } from './withCache.js';

const ask = (content: string, seed = 1): ModelRequest => ({
  messages: [{ role: 'user', content }],
  options: { seed },
});

let dir: string;
let cache: ResponseCache;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-withcache-'));
  cache = new ResponseCache(join(dir, 'responses.sqlite'));
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('withCache', () => {
  it('serves a cached real-model answer whatever the simulation hints (synthetic parameters changed)', async () => {
    const model = new FakeModel({ answers: (_request, call) => `answer ${call}`, delayMs: 0 });
    const cached = withCache(model, cache);
    const hinted = (familiarity: number): ModelRequest => ({
      ...ask('Fargo to Seattle?'),
      hints: { truth: 1194, unit: 'mi', familiarity },
    });
    await cached.generate(hinted(0.2));
    const again = await cached.generate(hinted(0.9));
    expect([again.text, again.cached, model.calls]).toEqual(['answer 0', true, 1]);
  });

  it('keeps cache files written under the earlier key answering: the entry is copied to the new key', async () => {
    const request: ModelRequest = { ...ask('q'), hints: { truth: 10, unit: 'm' } };
    const model = new FakeModel({ answers: ['never asked'], delayMs: 0 });
    cache.put(legacyKeyFor(request, model.info()), {
      text: '1194',
      usage: { promptTokens: 3, completionTokens: 1 },
      latencyMs: 80,
      cached: false,
      model: 'fake',
    });
    const answer = await withCache(model, cache).generate(request);
    expect([answer.text, answer.cached, model.calls]).toEqual(['1194', true, 0]);
    expect(cache.get(keyFor(request, model.info()))?.response?.text).toBe('1194');
    // later lookups use the new key directly; the old entry stays for older versions
    expect(cache.get(legacyKeyFor(request, model.info()))?.status).toBe('ok');
    expect(cache.adopt(legacyKeyFor(request, model.info()), keyFor(request, model.info()))).toBe(false);
  });

  it('asks the model on a miss and serves the stored answer on a hit without calling it', async () => {
    const model = new FakeModel({ answers: (_request, call) => `answer ${call}`, delayMs: 0 });
    const cached = withCache(model, cache);
    const first = await cached.generate(ask('Fargo to Seattle?'));
    expect([first.text, first.cached]).toEqual(['answer 0', false]);
    const second = await cached.generate(ask('Fargo to Seattle?'));
    expect(second).toMatchObject({ text: 'answer 0', cached: true, latencyMs: 0, model: 'fake' });
    expect(model.calls).toBe(1);
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, writes: 1 });
  });

  it('a different seed, replicate or model is a different entry', async () => {
    const model = new FakeModel({ answers: (_request, call) => String(call) });
    const cached = withCache(model, cache);
    await cached.generate(ask('q', 1));
    await cached.generate(ask('q', 2));
    await cached.generate({ ...ask('q', 1), replicate: 1 });
    const other = withCache(new FakeModel({ model: 'other', answers: ['x'] }), cache);
    expect((await other.generate(ask('q', 1))).cached).toBe(false);
    expect(model.calls).toBe(3);
    expect(cache.counts().ok).toBe(4);
  });

  it('serves hits from a reopened file in a new instance', async () => {
    const path = cache.path;
    await withCache(new FakeModel({ answers: ['1194'] }), cache).generate(ask('q'));
    cache.close();
    cache = new ResponseCache(path);
    const fresh = new FakeModel({ answers: ['different'] });
    const answer = await withCache(fresh, cache).generate(ask('q'));
    expect([answer.text, answer.cached, fresh.calls]).toEqual(['1194', true, 0]);
  });

  it('records a failed call, does not serve it, and stores the answer when a later call succeeds', async () => {
    const model = new FakeModel({ answers: ['1200'] }).failNext(new ModelError('server', 'HTTP 500'));
    const cached = withCache(model, cache);
    await expect(cached.generate(ask('q'))).rejects.toMatchObject({ kind: 'server' });
    expect(cache.get(cached.keyFor(ask('q')))).toMatchObject({
      status: 'failed',
      reason: 'server: HTTP 500',
    });
    const again = await cached.generate(ask('q'));
    expect([again.text, again.cached, model.calls]).toEqual(['1200', false, 2]);
    expect(cache.get(cached.keyFor(ask('q')))?.status).toBe('ok');
  });

  it('never records aborts or call limits as failures', async () => {
    const model = new FakeModel()
      .failNext(new ModelError('aborted', 'cancelled'))
      .failNext(new ModelError('limit', 'limit reached'));
    const cached = withCache(model, cache);
    await expect(cached.generate(ask('q'))).rejects.toMatchObject({ kind: 'aborted' });
    await expect(cached.generate(ask('q'))).rejects.toMatchObject({ kind: 'limit' });
    expect(cache.get(cached.keyFor(ask('q')))).toBeUndefined();
  });

  it('unparsed answers are served by default and re-asked with retryFailed, while ok entries stay cached', async () => {
    const first = new FakeModel({
      answers: (request) => (request.messages[0]?.content === 'bad' ? 'no idea' : '1194'),
    });
    const run1 = withCache(first, cache);
    await run1.generate(ask('good'));
    await run1.generate(ask('bad'));
    run1.markUnparsed(ask('bad'), 'no number in the answer');
    expect(cache.get(run1.keyFor(ask('bad')))).toMatchObject({
      status: 'unparsed',
      reason: 'no number in the answer',
      response: { text: 'no idea' },
    });

    const rerun = new FakeModel({ answers: ['1180'] });
    const run2 = withCache(rerun, cache);
    expect((await run2.generate(ask('bad'))).text).toBe('no idea');
    expect(rerun.calls).toBe(0);

    const retry = withCache(rerun, cache, { retryFailed: true });
    expect(await retry.generate(ask('good'))).toMatchObject({ text: '1194', cached: true });
    expect(await retry.generate(ask('bad'))).toMatchObject({ text: '1180', cached: false });
    expect(rerun.requests.map((r) => r.messages[0]?.content)).toEqual(['bad']);
    expect(cache.get(retry.keyFor(ask('bad')))?.status).toBe('ok');
  });

  it('keyFor matches the public keyFor of the backend info', () => {
    const model = new FakeModel({ backend: 'ollama', model: 'emollama', digest: 'sha256:9' });
    expect(withCache(model, cache).keyFor(ask('q'))).toBe(keyFor(ask('q'), model.info()));
  });

  it('identical requests in flight share one model call', async () => {
    let release: (text: string) => void = () => undefined;
    const model = new FakeModel({
      answers: () =>
        new Promise<string>((resolve) => {
          release = resolve;
        }),
    });
    const cached = withCache(model, cache);
    const a = cached.generate(ask('q'));
    const b = cached.generate(ask('q'));
    await new Promise((resolve) => setImmediate(resolve));
    release('1194');
    const [ra, rb] = await Promise.all([a, b]);
    expect([ra.text, ra.cached, rb.text, rb.cached]).toEqual(['1194', false, '1194', true]);
    expect(model.calls).toBe(1);
  });

  it('if the first of two identical in-flight callers aborts, the second makes its own call', async () => {
    const clock = new ManualClock();
    const model = new FakeModel({ delayMs: 1000, sleep: clock.sleep, answers: ['1194'] });
    const cached = withCache(model, cache);
    const first = new AbortController();
    const second = new AbortController();
    const a = cached.generate({ ...ask('q'), signal: first.signal }).catch((e: unknown) => e);
    const b = cached.generate({ ...ask('q'), signal: second.signal });
    await clock.advance(10);
    expect(model.calls).toBe(1);
    first.abort();
    expect(((await a) as ModelError).kind).toBe('aborted');
    await clock.flush();
    expect(model.calls).toBe(2);
    expect(model.requests[1]?.signal).toBe(second.signal);
    await clock.advance(1000);
    expect(await b).toMatchObject({ text: '1194', cached: false });
    expect(cache.get(cached.keyFor(ask('q')))?.status).toBe('ok');
  });

  it('many concurrent distinct requests all land in the file', async () => {
    const model = new FakeModel({ answers: (request) => `${request.messages[0]?.content.length}` });
    const cached = withCache(model, cache);
    await Promise.all(Array.from({ length: 200 }, (_, i) => cached.generate(ask(`question ${i}`))));
    expect(cache.counts().ok).toBe(200);
    expect(cache.stats()).toMatchObject({ misses: 200, writes: 200 });
  });
});
