import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchStatus } from '@emocrowd/models';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/** The folder of a run directory where batch files and their ledger live. */
export const BATCH_DIR = 'batch';
/** The ledger's file name inside {@link BATCH_DIR}. */
export const BATCH_LEDGER_FILE = 'batches.json';

/** One batch input file of an export, and what became of it on a Batch API server. */
export interface BatchFileEntry {
  /** The file: relative to the run directory when inside it, else absolute. */
  path: string;
  lines: number;
  bytes: number;
  /** SHA-256 (hex) of the file: recognises it on the server after an interrupted upload. */
  sha256: string;
  /** The server it was submitted to (`batch submit`), without "/v1". */
  server?: string;
  /** Set before the upload starts; with no `fileId` yet, an interrupted upload is looked for on the server. */
  uploadStartedAt?: string;
  /** The uploaded file's id (purpose "batch"). */
  fileId?: string;
  /** Set before the batch is created; with no `batchId` yet, an interrupted creation is looked for. */
  createStartedAt?: string;
  batchId?: string;
  /** The batch's status when last seen. */
  status?: BatchStatus;
  counts?: { total: number; completed: number; failed: number };
  /** The batch's output file (answers) and error file (failures), once it is final. */
  outputFileId?: string | null;
  errorFileId?: string | null;
  /** Why the batch failed, when it did (the server's first validation error). */
  error?: string;
  /** The downloaded output and error files (relative to the run directory). */
  downloaded?: string[];
  /** When its answers were imported into the run. */
  importedAt?: string;
}

/** One export: the requests of one round, in one or more files. */
export interface BatchExportEntry {
  round: number;
  /** ISO time of the export. */
  at: string;
  requests: number;
  /** Requests whose failed answer this export asks again. */
  retried: number;
  files: BatchFileEntry[];
}

/**
 * `batch/batches.json` of a run directory: every batch export of the run and, for files
 * submitted to a Batch API, the ids and states that let an interrupted `batch submit` or
 * `batch fetch` pick up where it stopped. Written atomically after every step.
 */
export interface BatchLedger {
  schemaVersion: 1;
  /** ISO time of the run's first export: the start of its batch timing. */
  startedAt: string;
  exports: BatchExportEntry[];
}

/**
 * Reads a run's batch ledger.
 * @param dir the run directory
 * @returns the ledger, or undefined when the run has none yet
 * @throws Error naming the file when it is not a ledger
 */
export function readBatchLedger(dir: string): BatchLedger | undefined {
  const path = join(dir, BATCH_DIR, BATCH_LEDGER_FILE);
  if (!existsSync(path)) return undefined;
  let ledger: BatchLedger;
  try {
    ledger = JSON.parse(readFileSync(path, 'utf8')) as BatchLedger;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (ledger.schemaVersion !== 1 || !Array.isArray(ledger.exports))
    throw new Error(`${path}: not an emocrowd batch ledger (schemaVersion 1 expected)`);
  return ledger;
}

/**
 * Writes a run's batch ledger atomically (the old one or the new one survives a crash).
 * @param dir the run directory
 * @param ledger the ledger
 */
export function writeBatchLedger(dir: string, ledger: BatchLedger): void {
  mkdirSync(join(dir, BATCH_DIR), { recursive: true });
  writeJsonAtomic(join(dir, BATCH_DIR, BATCH_LEDGER_FILE), ledger);
}
