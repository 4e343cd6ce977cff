import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_FILES } from './RunManifest.js';
import { readRun } from './readRun.js';

/** One line of a run store listing. */
export interface RunListing {
  runId: string;
  dir: string;
  createdAt: string;
  task: string;
  model: string;
  personas: number;
  /** complete: summary written with nothing missing; stopped: summary with missing answers; incomplete: no summary (running or crashed). */
  state: 'complete' | 'stopped' | 'incomplete';
  answered?: number;
  /** Median estimate of the summary, when there is one. */
  median?: number;
}

/**
 * Lists the runs in a store directory (each sub-directory with a run.json), newest first.
 * Unreadable runs are skipped, not fatal.
 */
export function listRuns(runsDir: string): RunListing[] {
  if (!existsSync(runsDir)) return [];
  const out: RunListing[] = [];
  for (const name of readdirSync(runsDir)) {
    const dir = join(runsDir, name);
    try {
      if (!statSync(dir).isDirectory() || !existsSync(join(dir, RUN_FILES.manifest))) continue;
      const run = readRun(dir, { records: false });
      const d = run.manifest.descriptor;
      const summary = run.summary;
      out.push({
        runId: name,
        dir,
        createdAt: run.manifest.createdAt,
        task: d.task.id,
        model: d.model.id,
        personas: d.personas.count,
        state: summary === undefined ? 'incomplete' : summary.counts.missing > 0 ? 'stopped' : 'complete',
        ...(summary
          ? { answered: summary.counts.answered, median: summary.aggregates?.median?.estimate }
          : {}),
      });
    } catch {
      // not a readable run: leave it out of the listing
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
