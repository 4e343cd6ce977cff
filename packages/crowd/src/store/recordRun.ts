import { join } from 'node:path';
import { finalize, type MonoTypeOperatorFunction, tap } from 'rxjs';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import { ResponseLog } from './ResponseLog.js';
import { RUN_FILES } from './RunManifest.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/**
 * Writes a run's events into its directory as they pass: each answer appended to
 * `responses.jsonl` (`ResponseLog`: at most one event-loop turn buffered), and `summary.json`
 * when the run completes. The events are passed on unchanged.
 *
 * The log is opened on `runStarted`, so nothing is written before the run begins; a resumed run
 * passes `validBytes` (from `reopenRunDir`) and the log first cuts off a line a crash left half
 * written. The log is closed when the run completes, fails or is unsubscribed.
 *
 * @param dir the run directory (run.json already written by `createRunDir`).
 * @param options `validBytes` of a resumed run's responses.jsonl.
 * @returns the operator.
 */
export function recordRun(
  dir: string,
  options: { validBytes?: number } = {},
): MonoTypeOperatorFunction<CrowdEvent> {
  return (events$) => {
    let log: ResponseLog | undefined;
    return events$.pipe(
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
  };
}
