import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { CrowdEvent, CrowdSnapshot } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { snapshotEvery } from './snapshotEvery.js';

const record = (i: number, status: ResponseRecord['status'] = 'ok'): ResponseRecord => ({
  personaId: `p${i}`,
  personaIndex: i,
  attributes: {},
  replicate: 0,
  round: 0,
  status,
  ...(status === 'ok' ? { estimate: 1000 + i } : { reason: 'no number' }),
  latencyMs: 1,
  tokens: { prompt: 1, completion: 1 },
  cached: false,
  model: 'fake',
});

const snap = (answered: number): CrowdSnapshot => ({
  round: 0,
  answered,
  failed: 0,
  total: 10,
  aggregates: { mean: answered, median: answered, geometricMean: answered },
});

/** Letters for the events, so marbles stay readable. */
function letter(event: CrowdEvent): string {
  if (event.type === 'estimateSubmitted') return 's';
  if (event.type === 'estimateFailed') return 'f';
  if (event.type === 'crowdUpdated') return 'u';
  return '?';
}

/** Runs the operator on a cold marble source and returns `frame:letter` for every event. */
function timeline(
  marbles: string,
  records: Record<string, ResponseRecord>,
  opts: { everyAnswers: number; everyMs: number },
) {
  const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
  const seen: string[] = [];
  let subscribed = 0;
  scheduler.run(({ cold }) => {
    let answered = 0;
    const source = cold(marbles, records);
    source.pipe(snapshotEvery(() => snap(++answered), { ...opts, scheduler })).subscribe({
      next: (event) => seen.push(`${scheduler.now()}:${letter(event)}`),
      complete: () => seen.push(`${scheduler.now()}:|`),
    });
    scheduler.schedule(() => {
      subscribed = source.subscriptions.length;
    }, 1000);
  });
  expect(subscribed).toBe(1);
  return seen;
}

describe('snapshotEvery', () => {
  it('turns ok answers into estimateSubmitted, others into estimateFailed, and adds a snapshot every N answers', () => {
    const seen = timeline(
      'a-b-c-d-e|',
      { a: record(0), b: record(1), c: record(2, 'unparsed'), d: record(3), e: record(4, 'failed') },
      { everyAnswers: 2, everyMs: 1e9 },
    );
    expect(seen).toEqual(['0:s', '2:s', '2:u', '4:f', '6:s', '6:u', '8:f', '9:|']);
  });

  it('adds a snapshot when T ms have passed even if fewer than N answers arrived', () => {
    // a at 0 (0 ms since subscribing: none), b at 6 (6 >= 5: snapshot), c at 10 (4 < 5: none), d at 16 (6: snapshot)
    const seen = timeline(
      'a 5ms b 3ms c 5ms d|',
      { a: record(0), b: record(1), c: record(2), d: record(3) },
      { everyAnswers: 100, everyMs: 5 },
    );
    expect(seen).toEqual(['0:s', '6:s', '6:u', '10:s', '16:s', '16:u', '17:|']);
  });

  it('reads the snapshot after the answer is counted, and each snapshot is fresh', () => {
    const snapshots: number[] = [];
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b));
    scheduler.run(({ cold }) => {
      let answered = 0;
      cold('abc|', { a: record(0), b: record(1), c: record(2) })
        .pipe(snapshotEvery(() => snap(++answered), { everyAnswers: 1, everyMs: 1e9, scheduler }))
        .subscribe((event) => {
          if (event.type === 'crowdUpdated') snapshots.push(event.snapshot.answered);
        });
    });
    expect(snapshots).toEqual([1, 2, 3]);
  });
});
