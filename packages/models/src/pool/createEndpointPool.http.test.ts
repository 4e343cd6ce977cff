import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseCache } from '../cache/ResponseCache.js';
import { withCache } from '../cache/withCache.js';
import { OllamaBackend } from '../ollama/OllamaBackend.js';
import { createRng } from '../Rng.js';
import type { OllamaTestServer } from '../testing/OllamaTestServer.js';
import { startOllamaTestServer } from '../testing/OllamaTestServer.js';
import { withRetry } from '../wrappers/withRetry.js';
import { withTimeout } from '../wrappers/withTimeout.js';
import { createEndpointPool } from './createEndpointPool.js';

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the wrappers stacked over real HTTP hosts', () => {
  it('cache(retry(pool(timeout(ollama) x 3))) survives a dead host and a busy host, then serves from the file', async () => {
    const servers: OllamaTestServer[] = [];
    for (let i = 0; i < 2; i++) servers.push(await startOllamaTestServer({ models: ['emollama'] }));
    cleanups.push(() => Promise.all(servers.map((s) => s.close())).then(() => undefined));
    const [busy, healthy] = servers as [OllamaTestServer, OllamaTestServer];
    busy.failNext(1, 'busy');
    const dead = `127.0.0.1:${await closedPort()}`;

    const hosts = [dead, busy.url, healthy.url].map((host) =>
      withTimeout(new OllamaBackend({ model: 'emollama', host }), 5000),
    );
    const pool = createEndpointPool(hosts, { maxInFlightPerHost: 2, cooldownMs: 5, maxCooldownMs: 20 });
    const dir = mkdtempSync(join(tmpdir(), 'emocrowd-stack-'));
    const cache = new ResponseCache(join(dir, 'responses.sqlite'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => cache.close());
    const model = withCache(
      withRetry(pool, { retries: 3, baseDelayMs: 5, maxDelayMs: 20, rng: createRng('stack') }),
      cache,
    );

    const readiness = await pool.readiness();
    expect(readiness.ready.sort()).toEqual([busy.url, healthy.url].map((u) => u.replace(/\/$/, '')).sort());
    expect(readiness.notReady.map((h) => h.host)).toEqual([hosts[0]?.info().hosts?.[0]]);

    const questions = Array.from({ length: 8 }, (_, i) => ({
      messages: [{ role: 'user' as const, content: `Persona ${i}: how far is Fargo, ND from Seattle, WA?` }],
      options: { seed: i, temperature: 0.7 },
    }));
    const answers = await Promise.all(questions.map((q) => model.generate(q)));
    expect(answers.every((a) => /miles/.test(a.text) && !a.cached)).toBe(true);
    const stats = pool.stats();
    expect(stats.hosts[0]?.served).toBe(0);
    expect((stats.hosts[1]?.served ?? 0) + (stats.hosts[2]?.served ?? 0)).toBe(8);
    expect(stats.hosts[1]?.failures).toBe(1);

    const served = busy.requests.length + healthy.requests.length;
    const again = await Promise.all(questions.map((q) => model.generate(q)));
    expect(again.map((a) => a.text)).toEqual(answers.map((a) => a.text));
    expect(again.every((a) => a.cached && a.latencyMs === 0)).toBe(true);
    expect(busy.requests.length + healthy.requests.length).toBe(served);
    expect(cache.counts()).toEqual({ ok: 8, failed: 0, unparsed: 0 });
  });
});
