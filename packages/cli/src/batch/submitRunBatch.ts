import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import {
  type BatchExportEntry,
  type BatchFileEntry,
  type BatchLedger,
  batchRunTag,
  readBatchLedger,
  writeBatchLedger,
} from '@emocrowd/crowd';
import {
  type BatchApiClient,
  type BatchFileLimits,
  type BatchJob,
  FINAL_BATCH_STATUSES,
  type ListPage,
} from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import type { BatchRun } from './BatchRun.js';
import { exportRunBatch } from './exportRunBatch.js';
import { recordBatchJob } from './recordBatchJob.js';

/** Pages of the server's files or batches searched for an interrupted upload or creation. */
const SEARCH_PAGES = 20;

/** What `submitRunBatch` did. */
export interface RunBatchSubmission {
  /** The round submitted; undefined when the run is answered (nothing to submit). */
  round: number | undefined;
  /** The export submitted (its files carry the batch ids). */
  entry: BatchExportEntry | undefined;
  /** Files uploaded and batches created by this call (not found already done). */
  uploaded: number;
  created: number;
}

/**
 * Submits a run's next requests to a Batch API: the open export (one not imported yet) if there
 * is one, else a new export of the next round; each of its files is uploaded (purpose "batch")
 * and becomes a batch of /v1/chat/completions, 24h window, with metadata naming the run, round
 * and file.
 *
 * Every step is recorded in the run's ledger before and after it happens, so a killed CLI
 * continues where it stopped: a file whose upload began but whose id was never recorded is
 * looked for on the server (same name and size) before uploading again, and a batch whose
 * creation began is looked for (same input file and file digest in its metadata) before
 * creating another. A file already submitted elsewhere is refused (name that server with --host).
 *
 * @param run the batch run
 * @param api the Batch API client
 * @param options how to split a new export, and `includeFailed`
 * @returns the export submitted and what this call did
 * @throws CliError when a submitted batch is still running or done but not imported
 */
export async function submitRunBatch(
  run: BatchRun,
  api: BatchApiClient,
  options: { limits?: BatchFileLimits; includeFailed?: boolean; log?: (line: string) => void } = {},
): Promise<RunBatchSubmission> {
  let ledger = readBatchLedger(run.dir);
  let entry = ledger ? openExport(ledger) : undefined;
  if (entry) checkNotSubmitted(run, entry);
  if (!entry) {
    const exported = await exportRunBatch(run, undefined, options);
    if (!exported.entry) return { round: undefined, entry: undefined, uploaded: 0, created: 0 };
    options.log?.(
      `exported ${exported.requests} requests of round ${exported.round} in ${exported.entry.files.length} file(s)`,
    );
    ledger = readBatchLedger(run.dir) as BatchLedger;
    entry = ledger.exports[ledger.exports.length - 1] as BatchExportEntry;
  }
  const state = { ledger: ledger as BatchLedger, uploaded: 0, created: 0 };
  for (const file of entry.files) {
    if (file.server !== undefined && file.server !== api.host)
      throw usageError(
        `batch submit: ${file.path} was submitted to ${file.server}; continue there with --host ${file.server}`,
      );
    file.server = api.host;
    if (!file.fileId) await upload(run, api, entry, file, state);
    if (!file.batchId) await create(run, api, entry, file, state);
    options.log?.(`${file.path}: batch ${file.batchId} (${file.status})`);
  }
  return { round: entry.round, entry, uploaded: state.uploaded, created: state.created };
}

/** The latest export with a file not imported yet. */
export function openExport(ledger: BatchLedger): BatchExportEntry | undefined {
  const last = ledger.exports[ledger.exports.length - 1];
  return last?.files.some((f) => f.importedAt === undefined) ? last : undefined;
}

function checkNotSubmitted(run: BatchRun, entry: BatchExportEntry): void {
  const running = entry.files.find((f) => f.batchId && !FINAL_BATCH_STATUSES.has(f.status ?? 'validating'));
  if (running)
    throw usageError(
      `batch submit: round ${entry.round} is submitted already (batch ${running.batchId}, ${running.status}); wait for it with: emocrowd batch fetch ${run.label}`,
    );
  if (entry.files.every((f) => f.batchId))
    throw usageError(
      `batch submit: the batches of round ${entry.round} are done but not imported; import them with: emocrowd batch fetch ${run.label}`,
    );
}

async function upload(
  run: BatchRun,
  api: BatchApiClient,
  entry: BatchExportEntry,
  file: BatchFileEntry,
  state: { ledger: BatchLedger; uploaded: number },
): Promise<void> {
  const name = uploadName(run, entry, file);
  if (file.uploadStartedAt) {
    const found = await search(
      (after) => api.listFiles({ purpose: 'batch', ...(after ? { after } : {}) }),
      (f) => f.filename === name && f.bytes === file.bytes,
    );
    if (found) {
      file.fileId = found.id;
      writeBatchLedger(run.dir, state.ledger);
      return;
    }
  }
  const path = isAbsolute(file.path) ? file.path : join(run.dir, file.path);
  let digest: string;
  try {
    digest = sha256(readFileSync(path));
  } catch {
    throw usageError(
      `batch submit: ${file.path} is gone; export again with: emocrowd batch export ${run.label}`,
    );
  }
  if (digest !== file.sha256)
    throw usageError(
      `batch submit: ${file.path} changed since it was exported; export again with: emocrowd batch export ${run.label}`,
    );
  file.uploadStartedAt = new Date().toISOString();
  writeBatchLedger(run.dir, state.ledger);
  file.fileId = (await api.uploadFile(path, { filename: name })).id;
  state.uploaded++;
  writeBatchLedger(run.dir, state.ledger);
}

async function create(
  run: BatchRun,
  api: BatchApiClient,
  entry: BatchExportEntry,
  file: BatchFileEntry,
  state: { ledger: BatchLedger; created: number },
): Promise<void> {
  const fileTag = file.sha256.slice(0, 32);
  let job: BatchJob | undefined;
  if (file.createStartedAt)
    job = await search(
      (after) => api.listBatches({ limit: 100, ...(after ? { after } : {}) }),
      (b) => b.input_file_id === file.fileId && b.metadata?.emocrowd_file === fileTag,
    );
  if (!job) {
    file.createStartedAt = new Date().toISOString();
    writeBatchLedger(run.dir, state.ledger);
    job = await api.createBatch({
      inputFileId: file.fileId as string,
      metadata: {
        emocrowd_run: run.descriptor.runId.slice(0, 512),
        emocrowd_round: String(entry.round),
        emocrowd_file: fileTag,
      },
    });
    state.created++;
  }
  file.batchId = job.id;
  recordBatchJob(file, job);
  writeBatchLedger(run.dir, state.ledger);
}

/** The first item of a paged list that matches, over at most SEARCH_PAGES pages. */
async function search<T extends { id: string }>(
  page: (after: string | undefined) => Promise<ListPage<T>>,
  matches: (item: T) => boolean,
): Promise<T | undefined> {
  let after: string | undefined;
  for (let n = 0; n < SEARCH_PAGES; n++) {
    const listed = await page(after);
    const found = listed.data.find(matches);
    if (found) return found;
    const last = listed.data[listed.data.length - 1];
    if (!listed.has_more || !last) return undefined;
    after = last.id;
  }
  return undefined;
}

/** The name a file is uploaded under: the run's tag, the round and the file's own name. */
function uploadName(run: BatchRun, entry: BatchExportEntry, file: BatchFileEntry): string {
  return `emocrowd-${batchRunTag(run.descriptor.runId)}-r${entry.round}-${basename(file.path)}`;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
