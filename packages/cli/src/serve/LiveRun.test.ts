import type { CrowdEvent, RunDescriptor } from '@emocrowd/crowd';
import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { LiveRun, MAX_KEPT_SNAPSHOTS } from './LiveRun.js';

const descriptor = { runId: 'r' } as unknown as RunDescriptor;
const snapshot = (round: number, answered: number): CrowdEvent => ({
  type: 'crowdUpdated',
  snapshot: {
    round,
    answered,
    failed: 0,
    total: 100_000,
    aggregates: { mean: 1, median: 1, geometricMean: 1 },
  },
});

describe('LiveRun', () => {
  it('keeps no answer and at most 512 snapshots, thinned evenly, whatever the run size', () => {
    const events = new Subject<CrowdEvent>();
    const run = new LiveRun({
      runId: 'r',
      dir: '/nowhere',
      descriptor,
      events$: events,
      stop: () => {},
      flush: () => {},
    });
    const seen: CrowdEvent[] = [];
    run.watch((event) => seen.push(event));
    let mostRetained = 0;
    events.next({ type: 'runStarted', at: 't', run: descriptor });
    for (let i = 1; i <= 100_000; i++) {
      events.next({
        type: 'estimateSubmitted',
        record: {
          personaId: `p${i}`,
          personaIndex: i,
          attributes: {},
          replicate: 0,
          round: 0,
          status: 'ok',
          estimate: i,
          latencyMs: 0,
          tokens: { prompt: 0, completion: 0 },
          cached: false,
          model: 'm',
        },
      });
      if (i % 50 === 0) events.next(snapshot(0, i));
      mostRetained = Math.max(mostRetained, run.retained);
    }
    expect(mostRetained).toBeLessThanOrEqual(1 + MAX_KEPT_SNAPSHOTS + 1);
    expect(run.answers).toBe(100_000);
    expect(seen).toHaveLength(1 + 100_000 + 2000);
    const kept = run.rounds.map((e) => (e.type === 'crowdUpdated' ? e.snapshot.answered : -1));
    expect(kept.length).toBeLessThanOrEqual(MAX_KEPT_SNAPSHOTS);
    expect(kept.length).toBeGreaterThan(MAX_KEPT_SNAPSHOTS / 2);
    // spread over the whole run, in order, with the latest kept
    expect(kept[0]).toBe(50);
    expect(kept[kept.length - 1]).toBe(100_000);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
  });
});
