import type { RunBatchExport } from './exportRunBatch.js';
import type { RunBatchFetch } from './fetchRunBatch.js';
import type { RunBatchImport } from './importRunBatch.js';
import type { RunBatchSubmission } from './submitRunBatch.js';

/**
 * The `--json` objects of the batch commands (docs/json-output.md, checked by
 * docs/test/batchJsonOutput.test.ts): stable keys, `null` for "none".
 */

/** `batch export --json` and `run --batch-out --json` (with the run directory). */
export function exportJson(report: RunBatchExport, dir?: string): unknown {
  return {
    ...(dir !== undefined ? { dir } : {}),
    round: report.round ?? null,
    requests: report.requests,
    fromCache: report.fromCache,
    retried: report.retried,
    files:
      report.entry?.files.map(({ path, lines, bytes, sha256 }) => ({ path, lines, bytes, sha256 })) ?? [],
  };
}

/** `batch import --json`. */
export function importJson(report: RunBatchImport): unknown {
  return {
    round: report.round ?? null,
    imported: report.imported,
    replaced: report.replaced,
    alreadyStored: report.alreadyStored,
    notRun: report.notRun,
    missingCount: report.missingCount,
    missing: report.missing,
    failedCount: report.failedCount,
    failed: report.failed,
    complete: report.complete,
    summary: report.summary,
  };
}

/** `batch fetch --json` and `batch submit --wait --json`. */
export function fetchJson(fetched: RunBatchFetch): unknown {
  return {
    round: fetched.entry?.round ?? null,
    done: fetched.done,
    batches: (fetched.entry?.files ?? []).map((f) => ({
      file: f.path,
      batchId: f.batchId ?? null,
      status: f.status ?? null,
      counts: f.counts ?? null,
      ...(f.error ? { error: f.error } : {}),
    })),
    imported: fetched.imported ? importJson(fetched.imported) : null,
  };
}

/** `batch submit --json` without --wait. */
export function submitJson(submitted: RunBatchSubmission): unknown {
  return {
    round: submitted.round ?? null,
    batches: (submitted.entry?.files ?? []).map((f) => ({
      file: f.path,
      fileId: f.fileId ?? null,
      batchId: f.batchId ?? null,
      status: f.status ?? null,
    })),
  };
}
