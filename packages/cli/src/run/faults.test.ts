import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrowdEvent, ResponseRecord, RunSummary } from '@emocrowd/crowd';
import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunRequest } from './RunRequest.js';
import { startRun } from './startRun.js';

/** A run request against the Ollama test server. */
function request(server: OllamaTestServer, overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    task: 'fargo-seattle',
    personas: '200',
    condition: 'combined',
    model: 'ollama:llama3.2:1b',
    hosts: [server.url],
    seed: 11,
    concurrency: 32,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    temperature: 0.8,
    maxTokens: 128,
    keepAlive: '5m',
    timeoutMs: 5000,
    retries: 3,
    maxPerHost: 32,
    retryFailed: false,
    subsets: 0,
    tolerance: 0.1,
    ...overrides,
  };
}

async function runToEnd(req: RunRequest, dir: string, cwd: string) {
  const started = await startRun(req, { runsDir: join(cwd, 'runs'), outDir: dir, env: {}, cwd });
  const events = await lastValueFrom(started.events$.pipe(toArray()));
  const summary = (events[events.length - 1] as Extract<CrowdEvent, { type: 'runCompleted' }>).summary;
  return { started, events, summary, modelCalls: started.stack.modelCalls() };
}

const readLines = (path: string): ResponseRecord[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ResponseRecord);

describe('runs against a faulty Ollama server', () => {
  let server: OllamaTestServer;
  let work: string;
  beforeAll(async () => {
    // The ollama client warns "invalid json" on the console for every truncated stream.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    server = await startOllamaTestServer({ seed: 5 });
    work = mkdtempSync(join(tmpdir(), 'emocrowd-faults-'));
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('2,000 personas, 20% of requests failing (500, 503, reset, hang, truncated): each persona answered or failed with a reason, none twice', async () => {
    server.setFaults({
      failRate: 0.2,
      seed: 9,
      failKinds: ['server-error', 'busy', 'reset', 'hang', 'truncate'],
    });
    const dir = join(work, 'faulty');
    const { summary, events } = await runToEnd(
      request(server, { personas: '2000', cache: false, timeoutMs: 1500 }),
      dir,
      work,
    );
    server.setFaults({ failRate: 0 });
    const lines = readLines(join(dir, 'responses.jsonl'));
    expect(lines).toHaveLength(2000);
    expect(new Set(lines.map((r) => r.personaIndex)).size).toBe(2000);
    for (const r of lines) {
      if (r.status === 'ok') expect(Number.isFinite(r.estimate)).toBe(true);
      else expect(r.reason, JSON.stringify(r)).toMatch(/\S/);
    }
    expect(summary.counts.answered + summary.counts.unparsed + summary.counts.failed).toBe(2000);
    expect(summary.counts.missing).toBe(0);
    // Retries recover most faults: with 4 attempts at 20% failure, well under 1% should fail for good.
    expect(summary.counts.failed).toBeLessThan(40);
    expect(summary.counts.answered).toBeGreaterThan(1900);
    const streamed = events.filter((e) => e.type === 'estimateSubmitted' || e.type === 'estimateFailed');
    expect(streamed).toHaveLength(2000);
    // The server really did fail requests of every kind.
    const chatRequests = server.requests.filter((r) => r.path === '/api/chat').length;
    expect(chatRequests).toBeGreaterThan(2200);
  }, 180_000);

  it('a second identical run is answered from the cache with zero model calls', async () => {
    const cache = join(work, 'cache.sqlite');
    const first = await runToEnd(request(server, { personas: '150', cache }), join(work, 'cached-1'), work);
    expect(first.summary.counts.cached).toBe(0);
    expect(first.modelCalls).toBe(150);
    server.clearRequests();
    const second = await runToEnd(request(server, { personas: '150', cache }), join(work, 'cached-2'), work);
    expect(second.modelCalls).toBe(0);
    expect(server.requests.filter((r) => r.path === '/api/chat')).toHaveLength(0);
    expect(second.summary.counts.cached).toBe(150);
    expect(second.summary.counts.modelCalls).toBe(0);
    const { timing: _a, runId: _b, counts: c1, ...rest1 } = first.summary as RunSummary;
    const { timing: _c, runId: _d, counts: c2, ...rest2 } = second.summary as RunSummary;
    expect(rest2).toEqual(rest1);
    expect(c2.answered).toBe(c1.answered);
  });

  it('sends every generation option to the server: seed per persona, temperature, num_predict, keep_alive, format', async () => {
    server.clearRequests();
    await runToEnd(
      request(server, { personas: '5', cache: false, concurrency: 1 }),
      join(work, 'options'),
      work,
    );
    const bodies = server.requests
      .filter((r) => r.path === '/api/chat')
      .map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(5);
    const seeds = bodies.map((b) => (b.options as { seed: number }).seed);
    expect(new Set(seeds).size).toBe(5);
    for (const body of bodies) {
      expect(body.options).toMatchObject({ temperature: 0.8, num_predict: 128 });
      expect(body.keep_alive).toBe('5m');
      expect(body.format).toMatchObject({ type: 'object' });
      expect(body.model).toBe('llama3.2:1b');
    }
  });
});
