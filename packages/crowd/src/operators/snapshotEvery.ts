import {
  asyncScheduler,
  defer,
  mergeMap,
  type Observable,
  type OperatorFunction,
  of,
  type SchedulerLike,
} from 'rxjs';
import type { CrowdEvent, CrowdSnapshot } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';

/**
 * Turns answers into events, adding a `crowdUpdated` snapshot after an answer when at least
 * `everyAnswers` answers or `everyMs` milliseconds have passed since the last snapshot.
 *
 * Intuition: at scale a snapshot per answer would cost more than the answers; this bounds the
 * snapshot rate by count and by time, whichever comes first.
 *
 * 1. Each record becomes `estimateSubmitted` (status ok) or `estimateFailed`.
 * 2. A snapshot (from `snapshot()`, read after the answer is counted) follows when due.
 * 3. Time comes from `scheduler.now()`, so marble tests can control it.
 *
 * @param snapshot reads the current aggregates
 * @param opts.everyAnswers answers between snapshots
 * @param opts.everyMs milliseconds between snapshots
 * @returns an operator from records to events
 */
export function snapshotEvery(
  snapshot: () => CrowdSnapshot,
  opts: { everyAnswers: number; everyMs: number; scheduler?: SchedulerLike },
): OperatorFunction<ResponseRecord, CrowdEvent> {
  const scheduler = opts.scheduler ?? asyncScheduler;
  return (source: Observable<ResponseRecord>) =>
    defer(() => {
      let sinceLast = 0;
      let lastAt = scheduler.now();
      return source.pipe(
        mergeMap((record): Observable<CrowdEvent> => {
          const event: CrowdEvent =
            record.status === 'ok'
              ? { type: 'estimateSubmitted', record }
              : { type: 'estimateFailed', record };
          sinceLast++;
          const at = scheduler.now();
          if (sinceLast >= opts.everyAnswers || at - lastAt >= opts.everyMs) {
            sinceLast = 0;
            lastAt = at;
            return of<CrowdEvent[]>(event, { type: 'crowdUpdated', snapshot: snapshot() });
          }
          return of(event);
        }),
      );
    });
}
