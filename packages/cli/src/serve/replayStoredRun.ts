import type { CrowdEvent, ResponseRecord, RunDescriptor, RunSummary } from '@emocrowd/crowd';

/** A run as read from the store (the parts replay needs). */
export interface StoredRunEvents {
  descriptor: RunDescriptor;
  createdAt: string;
  summary?: RunSummary;
  records: readonly ResponseRecord[];
  /** When the run completed (summary.json's time); default `createdAt`. */
  completedAt?: string;
}

/**
 * The events a finished run would have streamed, rebuilt from its store files: `runStarted`,
 * each answer as `estimateSubmitted` / `estimateFailed` round by round, `roundFinished` after
 * each round that the summary has stats for, and `runCompleted` with the summary (only when
 * summary.json exists).
 *
 * So the viewer draws a finished run with exactly the code that draws a live one. Running
 * snapshots (`crowdUpdated`) are not stored and are not invented here.
 *
 * @param run the stored run.
 * @returns the events in order.
 */
export function replayStoredRun(run: StoredRunEvents): CrowdEvent[] {
  const events: CrowdEvent[] = [{ type: 'runStarted', at: run.createdAt, run: run.descriptor }];
  const byRound = new Map<number, ResponseRecord[]>();
  for (const record of run.records) {
    const list = byRound.get(record.round);
    if (list) list.push(record);
    else byRound.set(record.round, [record]);
  }
  const statsByRound = new Map((run.summary?.rounds ?? []).map((stats) => [stats.round, stats] as const));
  const rounds = [...new Set([...byRound.keys(), ...statsByRound.keys()])].sort((a, b) => a - b);
  for (const round of rounds) {
    for (const record of byRound.get(round) ?? []) {
      events.push(
        record.status === 'ok' ? { type: 'estimateSubmitted', record } : { type: 'estimateFailed', record },
      );
    }
    const stats = statsByRound.get(round);
    if (stats) events.push({ type: 'roundFinished', stats });
  }
  if (run.summary) {
    events.push({
      type: 'runCompleted',
      at: run.completedAt ?? run.createdAt,
      cancelled: run.summary.counts.missing > 0,
      summary: run.summary,
    });
  }
  return events;
}
