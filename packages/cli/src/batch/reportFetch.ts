import type { Io } from '../command/Io.js';
import { colorsFor } from '../output/colors.js';
import { renderBatchImport } from '../output/renderBatchReport.js';
import { renderRunSummary } from '../output/renderRunSummary.js';
import type { BatchRun } from './BatchRun.js';
import { fetchJson } from './batchJson.js';
import type { RunBatchFetch } from './fetchRunBatch.js';

/** One line per check of a batch: its file, id, status and counts. */
export function checkLine(
  path: string,
  job: { id: string; status: string; request_counts?: { completed: number; failed: number; total: number } },
): string {
  const c = job.request_counts;
  return `${path}: batch ${job.id} ${job.status}${c ? ` (${c.completed} done, ${c.failed} failed of ${c.total})` : ''}\n`;
}

/**
 * Writes what a fetch did (the summary on stdout, or its JSON; the import and any failed batch
 * on stderr) and returns the exit code: 1 when a batch failed as a whole, 130 when the wait was
 * interrupted before the end, else 0.
 */
export function reportFetch(
  run: BatchRun,
  fetched: RunBatchFetch,
  io: Io,
  flags: { json: boolean; quiet: boolean },
): number {
  if (flags.json) io.stdout.write(`${JSON.stringify(fetchJson(fetched), null, 2)}\n`);
  else if (fetched.imported)
    io.stdout.write(
      renderRunSummary(fetched.imported.summary, { colors: colorsFor(io.stdout, io.env), dir: run.dir }),
    );
  if (!flags.quiet) {
    if (fetched.imported)
      io.stderr.write(renderBatchImport(fetched.imported, run.label, colorsFor(io.stderr, io.env)));
    for (const f of fetched.failedBatches) io.stderr.write(`batch ${f.batchId} failed: ${f.error}\n`);
    if (!fetched.done)
      io.stderr.write(
        io.interrupt.aborted
          ? `stopped waiting; the batches go on. Fetch them later with: emocrowd batch fetch ${run.label}\n`
          : `not done yet; fetch them later with: emocrowd batch fetch ${run.label}\n`,
      );
  }
  if (fetched.failedBatches.length > 0) return 1;
  return !fetched.done && io.interrupt.aborted ? 130 : 0;
}
