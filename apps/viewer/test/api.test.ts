import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { CrowdEvent, ResponseRecord, ReviewInfo, RunDescriptor, RunSummary } from '@emocrowd/crowd';
import { Observable } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRunDir } from '../../../packages/cli/src/serve/resolveRunDir.js';
import { MAX_KEPT_SNAPSHOTS } from '../../../packages/cli/src/serve/LiveRun.js';
import { startServeServer } from '../../../packages/cli/src/serve/startServeServer.js';
import { crowdEvents, postJson, readEventStream, type ServeFixture, startServeFixture } from './serveFixture.js';

/** A GET with the raw path as given (fetch would normalise `..` segments away). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emocrowd serve API', () => {
  let fx: ServeFixture;
  beforeAll(async () => {
    fx = await startServeFixture();
    // A file next to the store that must never be served.
    writeFileSync(join(fx.runsDir, '..', 'emocrowd-secret.txt'), 'TOP-SECRET-CONTENT');
    mkdirSync(join(fx.runsDir, 'not-a-run'));
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('binds 127.0.0.1 on the port it was given (0 = a free one)', () => {
    expect(fx.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(fx.server.port).toBeGreaterThan(0);
  });

  it('refuses run ids that are not plain directory names: encoded ../, absolute paths, backslashes', async () => {
    const attempts = [
      '/api/runs/..%2F..%2Fetc/responses',
      '/api/runs/..%2Femocrowd-secret.txt',
      '/api/runs/%2Fetc%2Fpasswd',
      '/api/runs/%2Fetc%2Fpasswd/responses',
      '/api/runs/..%5C..%5Cwindows/events',
    ];
    for (const path of attempts) {
      const res = await rawGet(fx.server.url, path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body).error, path).toMatch(/not a run id/);
      expect(res.body).not.toContain('TOP-SECRET-CONTENT');
    }
    // Literal dot segments are normalised away by URL parsing before routing: never a run.
    // (/etc/passwd then names a viewer route, answered with the viewer page).
    for (const path of ['/api/runs/..', '/api/runs/%2E%2E/responses', '/api/runs/../../etc/passwd', '/api/runs/../../emocrowd-secret.txt']) {
      const res = await rawGet(fx.server.url, path);
      expect(res.body, path).not.toMatch(/root:|TOP-SECRET-CONTENT/);
      if (res.status === 200) expect(res.body, path).toContain('<title>emocrowd viewer</title>');
    }
    expect(resolveRunDir('/runs', '../x')).toBeUndefined();
    expect(resolveRunDir('/runs', '/etc')).toBeUndefined();
    expect(resolveRunDir('/runs', '.')).toBeUndefined();
    expect(resolveRunDir('/runs', 'a/b')).toBeUndefined();
    expect(resolveRunDir('/runs', '20261122-081500-fargo-seattle-synthetic')).toBe('/runs/20261122-081500-fargo-seattle-synthetic');
  });

  it('never serves files outside the viewer build, and 404s a directory that holds no run', async () => {
    for (const path of ['/..%2F..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json', '/../../package.json']) {
      const res = await rawGet(fx.server.url, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body).not.toContain('"workspaces"');
    }
    const missing = await rawGet(fx.server.url, '/api/runs/not-a-run');
    expect(missing.status).toBe(404);
  });

  it('routes by method: 405 names the method to use; every POST needs a JSON body (no cross-site form posts)', async () => {
    const wrong = await fetch(fx.url('/api/runs/some-run/stop'));
    expect(wrong.status).toBe(405);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/use POST/);
    const form = await fetch(fx.url('/api/runs/some-run/stop'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '' });
    expect(form.status).toBe(415);
    const unknown = await fetch(fx.url('/api/nothing-here'));
    expect(unknown.status).toBe(404);
  });

  it('answers only loopback Host headers (DNS rebinding)', async () => {
    const res = await rawGet(fx.server.url, '/api/runs', { host: 'evil.example:80' });
    expect(res.status).toBe(403);
  });

  it('rejects a bad run request with 400 and a one-line message naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ personas: 'lots' }, /personas/],
      [{ personas: '../../etc/passwd' }, /personas/],
      [{ model: 'openai:gpt' }, /model/],
      [{ task: '/etc/passwd' }, /task/],
      [{ concurrency: 0 }, /concurrency/],
      [{ emotions: ['joy', 'bliss'] }, /emotions/],
      [{ color: 'blue' }, /color|unrecognized/i],
      [[1, 2], /expected object/i],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(fx.url('/api/runs'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const error = String(res.body.error);
      expect(error).toMatch(message);
      expect(error).not.toContain('\n');
    }
    const notJson = await fetch(fx.url('/api/runs'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"task":' });
    expect(notJson.status).toBe(400);
    const formPost = await fetch(fx.url('/api/runs'), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(formPost.status).toBe(415);
    expect(fx.server.live.size).toBe(0);
  });

  it('lists options: tasks, conditions, strategies, emotions, and the synthetic model without Ollama', async () => {
    const options = (await (await fetch(fx.url('/api/options'))).json()) as {
      tasks: { id: string; truth: number }[];
      models: { id: string }[];
      strategies: { name: string }[];
      conditions: string[];
      emotions: { goemotions: string[]; plutchik: string[] };
      ollama: { reachable: boolean };
    };
    expect(options.tasks.find((t) => t.id === 'fargo-seattle')?.truth).toBe(1194);
    expect(options.models.map((m) => m.id)).toEqual(['synthetic']);
    expect(options.ollama.reachable).toBe(false);
    expect(options.strategies.map((s) => s.name)).toEqual(expect.arrayContaining(['mean', 'median']));
    expect(options.conditions).toEqual(['emotion', 'social', 'combined']);
    expect(options.emotions.goemotions).toHaveLength(28);
    expect(options.emotions.plutchik).toHaveLength(8);
  });

  it('serves the review of a run with the conduct check, and refuses bad decisions without touching the file', async () => {
    const started = await postJson(fx.url('/api/runs'), { personas: 60, seed: 3, subsets: 0, conduct: 'default' });
    expect(started.status).toBe(201);
    const runId = String(started.body.runId);
    await readEventStream(fx.url(`/api/runs/${runId}/events`));
    const first = (await (await fetch(fx.url(`/api/runs/${runId}/review`))).json()) as ReviewInfo;
    expect(first.created).toBe(true);
    expect(first.file).toBe(`${runId}/conduct-review.yaml`);
    expect(first.vices).toContain('wrath');
    const file = join(fx.runsDir, runId, 'conduct-review.yaml');
    const before = readFileSync(file, 'utf8');
    const ok = first.review.answers.find((a) => a.verdict === 'ok');
    const unknown = await postJson(fx.url(`/api/runs/${runId}/review`), { decisions: [{ key: 'no-such', decision: 'accept' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('bad review: no answer "no-such" in this review');
    const noVice = await postJson(fx.url(`/api/runs/${runId}/review`), { decisions: [{ key: ok?.key, decision: 'reject' }] });
    expect(noVice.status).toBe(400);
    expect(String(noVice.body.error)).toMatch(/reviewerVice: name the vice this answer shows/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    const saved = await postJson(fx.url(`/api/runs/${runId}/review`), {
      decisions: [{ key: ok?.key, decision: 'reject', reviewerVice: 'pride', comment: 'Smug.' }],
    });
    expect(saved.status).toBe(200);
    expect((saved.body as unknown as ReviewInfo).agreement).toMatchObject({ decided: 1, rejected: 1 });
    expect((saved.body as unknown as ReviewInfo).created).toBe(false);
    const plain = await postJson(fx.url('/api/runs'), { personas: 5, subsets: 0 });
    await readEventStream(fx.url(`/api/runs/${String(plain.body.runId)}/events`));
    const none = await fetch(fx.url(`/api/runs/${String(plain.body.runId)}/review`));
    expect(none.status).toBe(400);
  });

  it('streams a live run over SSE, then replays it from the store, on this server and on a new one', async () => {
    const started = await postJson(fx.url('/api/runs'), { personas: 40, seed: 7, subsets: 20 });
    expect(started.status).toBe(201);
    const runId = String(started.body.runId);
    const live = await readEventStream(fx.url(`/api/runs/${runId}/events`));
    expect(live.contentType).toMatch(/^text\/event-stream/);
    const events = crowdEvents(live.messages);
    expect(events[0]?.type).toBe('runStarted');
    expect(events[events.length - 1]?.type).toBe('runCompleted');
    expect(live.messages[live.messages.length - 1]?.event).toBe('end');
    const answers = events.filter((e) => e.type === 'estimateSubmitted' || e.type === 'estimateFailed');
    expect(answers).toHaveLength(40);

    const dir = join(fx.runsDir, runId);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as RunSummary;
    const completed = events[events.length - 1];
    expect(completed?.type === 'runCompleted' && completed.summary).toEqual(summary);

    const stored = readFileSync(join(dir, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ResponseRecord);
    const key = (r: ResponseRecord) => `${r.round}:${r.replicate}:${r.personaIndex}`;
    const liveRecords = answers.map((e) => (e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? e.record : undefined));
    expect(new Set(liveRecords.map((r) => r && key(r)))).toEqual(new Set(stored.map(key)));

    // The same server replays from its memory; a new server on the same store replays from the files.
    const again = crowdEvents((await readEventStream(fx.url(`/api/runs/${runId}/events`))).messages);
    expect(again).toEqual(events);
    const other = await startServeFixture(fx.runsDir);
    try {
      const fromStore = crowdEvents((await readEventStream(other.url(`/api/runs/${runId}/events`))).messages);
      expect(fromStore[0]?.type).toBe('runStarted');
      const last = fromStore[fromStore.length - 1];
      expect(last?.type === 'runCompleted' && last.summary).toEqual(summary);
      const replayed = fromStore.flatMap((e) => (e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : []));
      expect(replayed).toEqual(stored);
      const info = (await (await fetch(other.url(`/api/runs/${runId}`))).json()) as { summary: RunSummary; status: string };
      expect(info.summary).toEqual(summary);
      expect(info.status).toBe('completed');
      const listing = (await (await fetch(other.url('/api/runs'))).json()) as { runs: { runId: string; state: string }[] };
      expect(listing.runs).toContainEqual(expect.objectContaining({ runId, state: 'complete' }));
    } finally {
      await other.close();
    }
  });

  it('keeps a bounded number of events of a large live run, and a late subscriber still gets every answer once', async () => {
    const started = await postJson(fx.url('/api/runs'), { personas: 5000, replicates: 2, rounds: 3, subsets: 0, influence: { kind: 'aggregate' } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const runId = String(started.body.runId);
    const run = fx.server.live.get(runId);
    if (!run) throw new Error('the run is not live');
    let mostRetained = 0;
    let lateStream: ReturnType<typeof readEventStream> | undefined;
    while (!run.completed) {
      mostRetained = Math.max(mostRetained, run.retained);
      // a viewer that opens the run in the middle of its second round
      if (!lateStream && run.answers > 12_000) lateStream = readEventStream(fx.url(`/api/runs/${runId}/events`));
      await new Promise((r) => setTimeout(r, 20));
    }
    mostRetained = Math.max(mostRetained, run.retained);
    expect(run.answers).toBe(30_000);
    // the start, three finished rounds, at most 512 snapshots and the completion: never the answers
    expect(mostRetained).toBeLessThanOrEqual(2 + 3 + MAX_KEPT_SNAPSHOTS);
    expect(run.rounds.filter((e) => e.type === 'crowdUpdated').length).toBeLessThanOrEqual(MAX_KEPT_SNAPSHOTS);

    const stored = readFileSync(join(fx.runsDir, runId, 'responses.jsonl'), 'utf8').trim().split('\n');
    expect(stored).toHaveLength(30_000);
    expect(lateStream).toBeDefined();
    for (const messages of [(await (lateStream as ReturnType<typeof readEventStream>)).messages, (await readEventStream(fx.url(`/api/runs/${runId}/events`))).messages]) {
      const events = crowdEvents(messages);
      expect(events[0]?.type).toBe('runStarted');
      expect(events[events.length - 1]?.type).toBe('runCompleted');
      expect(messages[messages.length - 1]?.event).toBe('end');
      const answers = events.flatMap((e) => (e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : []));
      // every answer exactly once, in the order of the run's file
      expect(answers.map((r) => JSON.stringify(r))).toEqual(stored);
      expect(events.filter((e) => e.type === 'roundFinished').map((e) => (e.type === 'roundFinished' ? e.stats.round : -1))).toEqual([0, 1, 2]);
      // each round's end comes after all of its answers
      const lastOfRound0 = events.findLastIndex((e) => e.type === 'estimateSubmitted' && e.record.round === 0);
      expect(events.findIndex((e) => e.type === 'roundFinished')).toBeGreaterThan(lastOfRound0);
    }
  }, 120_000);

  it('forwards Stop to the live run, keeps streaming until runCompleted, and heartbeats while quiet', async () => {
    // A scripted run that answers every 20 ms until stopped: the server's stop and streaming
    // plumbing, independent of how fast a model is.
    let stopped = false;
    const descriptor = { runId: 'scripted-run', task: { id: 't', question: 'q', unit: 'mi', truth: 100, truthSource: 's' } } as unknown as RunDescriptor;
    const record = (i: number): ResponseRecord => ({
      personaId: `p${i}`, personaIndex: i, attributes: {}, replicate: 0, round: 0, status: 'ok', estimate: 90 + i,
      latencyMs: 1, tokens: { prompt: 1, completion: 1 }, cached: false, model: 'scripted',
    });
    const events$ = new Observable<CrowdEvent>((sub) => {
      sub.next({ type: 'runStarted', at: new Date().toISOString(), run: descriptor });
      let i = 0;
      const timer = setInterval(() => {
        if (stopped) {
          clearInterval(timer);
          // answers in flight still arrive after a stop, then the run completes
          setTimeout(() => {
            sub.next({ type: 'estimateSubmitted', record: record(i++) });
            sub.next({ type: 'runCompleted', at: new Date().toISOString(), cancelled: true, summary: { counts: { missing: 1 } } as unknown as RunSummary });
            sub.complete();
          }, 450);
          return;
        }
        sub.next({ type: 'estimateSubmitted', record: record(i++) });
      }, 20);
      return () => clearInterval(timer);
    });
    const scripted = await startServeServer({
      runsDir: fx.runsDir,
      port: 0,
      heartbeatMs: 100,
      options: async () => { throw new Error('unused'); },
      store: {
        startRun: async () => ({ runId: 'scripted-run', dir: join(fx.runsDir, 'scripted-run'), descriptor, events$, stop: () => { stopped = true; }, flush: () => {} }),
        listRuns: async () => [],
        readRun: async () => { throw new Error('unused'); },
      },
    });
    try {
      const base = scripted.url;
      expect((await postJson(new URL('/api/runs', base).toString(), {})).status).toBe(201);
      const streamed = readEventStream(new URL('/api/runs/scripted-run/events', base).toString());
      await new Promise((r) => setTimeout(r, 150));
      const stop = await postJson(new URL('/api/runs/scripted-run/stop', base).toString(), {});
      expect(stop.status).toBe(202);
      expect(stop.body.status).toBe('stopping');
      const { messages, heartbeats } = await streamed;
      const events = crowdEvents(messages);
      expect(events[0]?.type).toBe('runStarted');
      const last = events[events.length - 1];
      expect(last?.type === 'runCompleted' && last.cancelled).toBe(true);
      expect(events.filter((e) => e.type === 'estimateSubmitted').length).toBeGreaterThan(1);
      expect(heartbeats).toBeGreaterThan(0);
      expect(messages[messages.length - 1]?.event).toBe('end');
      expect(scripted.live.get('scripted-run')?.status).toBe('completed');
      const again = await postJson(new URL('/api/runs/no-such-run/stop', base).toString(), {});
      expect(again.status).toBe(404);
    } finally {
      await scripted.close();
    }
  });

  it('serves the human answers behind a run\'s fidelity, and none for a task without a human crowd', async () => {
    const started = await postJson(fx.url('/api/runs'), { task: 'planet-money-cow', personas: 30, seed: 3, subsets: 0 });
    expect(started.status).toBe(201);
    const runId = String(started.body.runId);
    await readEventStream(fx.url(`/api/runs/${runId}/events`));
    const summary = JSON.parse(readFileSync(join(fx.runsDir, runId, 'summary.json'), 'utf8')) as RunSummary;
    const human = await fetch(fx.url(`/api/runs/${runId}/human`));
    expect(human.status).toBe(200);
    const body = (await human.json()) as { runId: string; items: { item: string; source: { file: string; column: string }; values: number[] }[] };
    expect(body.items.map((i) => [i.item, i.source.file, i.source.column])).toEqual([['planet-money-cow', 'planetmoney2015_cow_guesses.csv', 'guess_lb']]);
    const values = body.items[0]?.values ?? [];
    // python3 csv.DictReader over the file: 17,184 numeric guess_lb cells, mean 1287.08325379851
    // (NPR's published average: 1,287 lb).
    expect(values).toHaveLength(17184);
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(1287.08325379851, 8);
    expect(summary.fidelity?.human.n).toBe(17184);

    const plain = await postJson(fx.url('/api/runs'), { personas: 10, seed: 3, subsets: 0 });
    await readEventStream(fx.url(`/api/runs/${String(plain.body.runId)}/events`));
    const none = (await (await fetch(fx.url(`/api/runs/${String(plain.body.runId)}/human`))).json()) as { items: unknown[] };
    expect(none.items).toEqual([]);
    expect((await fetch(fx.url('/api/runs/not-a-run/human'))).status).toBe(404);
  });
});
