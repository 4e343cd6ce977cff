import { join } from 'node:path';
import {
  BATCH_DIR,
  type BatchExportEntry,
  type BatchFileEntry,
  type BatchLedger,
  readBatchLedger,
  writeBatchLedger,
} from '@emocrowd/crowd';
import { type BatchApiClient, type BatchJob, FINAL_BATCH_STATUSES } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import type { BatchRun } from './BatchRun.js';
import { importRunBatch, type RunBatchImport } from './importRunBatch.js';
import { recordBatchJob } from './recordBatchJob.js';
import { openExport } from './submitRunBatch.js';

/** How `pollRunBatches` waits. */
export interface PollOptions {
  /** Check once and return, whatever the states. */
  once?: boolean;
  /** First wait between two checks, in ms (default 5000); each wait is 1.5 times the last ... */
  pollMs?: number;
  /** ... up to this (default 60000). */
  maxPollMs?: number;
  /** Ends the waiting (Ctrl-C): the states seen so far are kept. */
  signal?: AbortSignal;
  /** Called after each check of a batch. */
  onCheck?: (file: BatchFileEntry, job: BatchJob) => void;
}

/** What `fetchRunBatch` did. */
export interface RunBatchFetch {
  /** The export fetched (its files carry the final states); undefined when none was submitted. */
  entry: BatchExportEntry | undefined;
  /** True when every batch of the export is final (and, then, imported). */
  done: boolean;
  /** The import of the batches' output and error files, once done. */
  imported?: RunBatchImport;
  /** Batches that failed as a whole, with the server's reason. */
  failedBatches: { batchId: string; error: string }[];
}

/**
 * Checks the submitted batches of a run's open export until every one is final, waiting with
 * back-off between checks (5 s, then 1.5 times longer each time, at most 60 s by default).
 * Each check is written to the run's ledger, so an interrupted wait loses nothing.
 *
 * @param run the batch run
 * @param api the Batch API client
 * @param options once, the waits, the signal, a callback per check
 * @returns the export and whether every batch is final
 */
export async function pollRunBatches(
  run: BatchRun,
  api: BatchApiClient,
  options: PollOptions = {},
): Promise<{ entry: BatchExportEntry | undefined; ledger: BatchLedger | undefined; done: boolean }> {
  const ledger = readBatchLedger(run.dir);
  const entry = ledger ? openExport(ledger) : undefined;
  if (!ledger || !entry) return { entry: undefined, ledger, done: false };
  let delay = options.pollMs ?? 5000;
  for (;;) {
    for (const file of entry.files) {
      if (!file.batchId || FINAL_BATCH_STATUSES.has(file.status ?? 'validating')) continue;
      const job = await api.retrieveBatch(file.batchId);
      recordBatchJob(file, job);
      writeBatchLedger(run.dir, ledger);
      options.onCheck?.(file, job);
    }
    const submitted = entry.files.every((f) => f.batchId);
    const done = submitted && entry.files.every((f) => FINAL_BATCH_STATUSES.has(f.status ?? 'validating'));
    if (done || !submitted || options.once || options.signal?.aborted) return { entry, ledger, done };
    await sleep(delay, options.signal);
    delay = Math.min(options.maxPollMs ?? 60_000, delay * 1.5);
  }
}

/**
 * Waits for a run's submitted batches (`pollRunBatches`), downloads the output and error file
 * of each into `batch/` of the run directory (once; a download cut off leaves no partial file),
 * imports them all together (`importRunBatch`), and marks the export imported. A batch that
 * failed as a whole is reported with the server's reason and imports nothing.
 *
 * @param run the batch run
 * @param api the Batch API client
 * @param options how to wait
 * @returns the export, whether it is done, the import and the failed batches
 * @throws CliError when the run has no submitted batch to fetch
 */
export async function fetchRunBatch(
  run: BatchRun,
  api: BatchApiClient,
  options: PollOptions = {},
): Promise<RunBatchFetch> {
  const polled = await pollRunBatches(run, api, options);
  const { entry, ledger } = polled;
  if (!entry || !ledger)
    throw usageError(
      `batch fetch: ${run.label} has no submitted batch waiting; submit one with: emocrowd batch submit ${run.label}`,
    );
  if (!entry.files.every((f) => f.batchId))
    throw usageError(
      `batch fetch: round ${entry.round} is exported but not fully submitted; finish with: emocrowd batch submit ${run.label}`,
    );
  const failedBatches = entry.files
    .filter((f) => f.status === 'failed')
    .map((f) => ({ batchId: f.batchId as string, error: f.error ?? 'no reason given' }));
  if (!polled.done) return { entry, done: false, failedBatches };
  const downloaded: string[] = [];
  for (const file of entry.files) {
    file.downloaded ??= [];
    for (const [id, kind] of [
      [file.outputFileId, 'output'],
      [file.errorFileId, 'errors'],
    ] as const) {
      if (!id) continue;
      const name = join(BATCH_DIR, `${file.batchId}-${kind}.jsonl`);
      if (!file.downloaded.includes(name)) {
        await api.downloadFile(id, join(run.dir, name));
        file.downloaded.push(name);
        writeBatchLedger(run.dir, ledger);
      }
      downloaded.push(name);
    }
  }
  const imported = downloaded.length > 0 ? await importRunBatch(run, downloaded, run.dir) : undefined;
  const at = new Date().toISOString();
  const after = readBatchLedger(run.dir) ?? ledger;
  const same = after.exports.find((e) => e.at === entry.at && e.round === entry.round);
  for (const file of same?.files ?? []) file.importedAt ??= at;
  writeBatchLedger(run.dir, after);
  return { entry: same ?? entry, done: true, ...(imported ? { imported } : {}), failedBatches };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
