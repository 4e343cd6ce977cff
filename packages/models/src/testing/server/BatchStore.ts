import type { BatchFile, BatchJob } from '../../batch/BatchJob.js';
import { sha256Hex } from './ModelStore.js';

/** How long a test server batch stays in each step, and how many of its requests run at once. */
export interface BatchTiming {
  /** Time in `validating` before the input is read, in ms. Default 20. */
  validatingMs?: number;
  /** Time in `finalizing` before the output files exist, in ms. Default 20. */
  finalizingMs?: number;
  /** Requests of one batch answered at once. Default 8. */
  concurrency?: number;
}

/** A file the server keeps: what GET /v1/files/{id} says of it, and its bytes. */
export interface StoredFile {
  meta: BatchFile;
  content: Buffer;
}

/** A batch the server keeps: the object the API shows, and how to stop it. */
export interface StoredBatch {
  job: BatchJob;
  /** Aborts when the batch is cancelled. */
  readonly cancel: AbortController;
  /** Settles when the batch reached a final state. */
  done: Promise<void>;
}

/**
 * The files and batches of the test server (what the OpenAI Files and Batch APIs keep), with
 * ids in the API's forms: "file-...", "batch_...", "batch_req_...", "req_...". Ids are derived
 * from a counter, so a server's ids are the same from one test run to the next.
 */
export class BatchStore {
  readonly files = new Map<string, StoredFile>();
  readonly batches = new Map<string, StoredBatch>();
  readonly timing: Required<BatchTiming>;
  private counter = 0;

  /** @param timing the steps' durations and the concurrency */
  constructor(timing: BatchTiming = {}) {
    this.timing = {
      validatingMs: timing.validatingMs ?? 20,
      finalizingMs: timing.finalizingMs ?? 20,
      concurrency: Math.max(1, timing.concurrency ?? 8),
    };
  }

  /** A fresh id: `file-<24 hex>`, `batch_<24 hex>`, `batch_req_<24 hex>` or `req_<24 hex>`. */
  newId(prefix: 'file-' | 'batch_' | 'batch_req_' | 'req_'): string {
    return `${prefix}${sha256Hex(`${prefix}${++this.counter}`).slice(0, 24)}`;
  }

  /** Keeps a file and returns its object. */
  addFile(filename: string, purpose: string, content: Buffer): BatchFile {
    const meta: BatchFile = {
      id: this.newId('file-'),
      object: 'file',
      bytes: content.length,
      created_at: nowSeconds(),
      filename,
      purpose,
      status: 'processed',
      expires_at: null,
    };
    this.files.set(meta.id, { meta, content });
    return meta;
  }
}

/** The time as the API writes it: Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
