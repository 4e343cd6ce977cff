import { join } from 'node:path';
import { finalize, type MonoTypeOperatorFunction, type Observable, tap } from 'rxjs';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import { ResponseLog } from './ResponseLog.js';
import { RUN_FILES } from './RunManifest.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/** The operator of `recordRun`, which can also write what it has buffered at once. */
export interface RunRecorder extends MonoTypeOperatorFunction<CrowdEvent> {
  /**
   * Writes every answer received so far to responses.jsonl now (the log otherwise writes at the
   * end of the event-loop turn), so a reader of the file sees every answer emitted up to this
   * call. Does nothing before the run has started or after it has completed.
   */
  flush(): void;
}

/**
 * Writes a run's events into its directory as they pass: each answer appended to
 * `responses.jsonl` (`ResponseLog`: at most one event-loop turn buffered), and `summary.json`
 * when the run completes. The events are passed on unchanged.
 *
 * The log is opened on `runStarted`, so nothing is written before the run begins; a resumed run
 * passes `validBytes` (from `reopenRunDir`) and the log first cuts off a line a crash left half
 * written. The log is closed when the run completes, fails or is unsubscribed. `flush()` lets a
 * reader (the viewer server replaying a live run from the file) see every answer so far.
 *
 * @param dir the run directory (run.json already written by `createRunDir`).
 * @param options `validBytes` of a resumed run's responses.jsonl.
 * @returns the operator (use it once).
 */
export function recordRun(dir: string, options: { validBytes?: number } = {}): RunRecorder {
  let log: ResponseLog | undefined;
  const operator = (events$: Observable<CrowdEvent>): Observable<CrowdEvent> =>
    events$.pipe(
      tap((event) => {
        if (event.type === 'runStarted') {
          log = new ResponseLog(
            join(dir, RUN_FILES.responses),
            options.validBytes === undefined ? {} : { validBytes: options.validBytes },
          );
        } else if (event.type === 'estimateSubmitted' || event.type === 'estimateFailed') {
          log?.append(event.record);
        } else if (event.type === 'runCompleted') {
          log?.close();
          writeJsonAtomic(join(dir, RUN_FILES.summary), event.summary);
        }
      }),
      finalize(() => log?.close()),
    );
  return Object.assign(operator, { flush: () => log?.flush() });
}
