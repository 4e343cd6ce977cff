import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunListing } from '../api/ServeApi.js';
import { RUN_FILES } from './RunManifest.js';
import { readRun } from './readRun.js';

/** One line of a run store listing, with the run's directory. */
export interface StoredRunListing extends RunListing {
  dir: string;
}

/**
 * Lists the runs in a store directory (each sub-directory with a run.json), newest first.
 * Unreadable runs are skipped, not fatal.
 */
export function listRuns(runsDir: string): StoredRunListing[] {
  if (!existsSync(runsDir)) return [];
  const out: StoredRunListing[] = [];
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
        ...(summary ? { answered: summary.counts.answered } : {}),
        ...(typeof summary?.aggregates?.median?.estimate === 'number'
          ? { median: summary.aggregates.median.estimate }
          : {}),
      });
    } catch {
      // not a readable run: leave it out of the listing
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
