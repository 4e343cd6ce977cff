/** The states of a batch (the OpenAI Batch API's `status`). */
export type BatchStatus =
  | 'validating'
  | 'failed'
  | 'in_progress'
  | 'finalizing'
  | 'completed'
  | 'expired'
  | 'cancelling'
  | 'cancelled';

/** States a batch never leaves. */
export const FINAL_BATCH_STATUSES: ReadonlySet<BatchStatus> = new Set([
  'failed',
  'completed',
  'expired',
  'cancelled',
]);

/** Why a batch failed validation: one entry of `errors.data`. */
export interface BatchJobError {
  code: string;
  message: string;
  param?: string | null;
  /** The input file's line (1-based), when the error is about one. */
  line?: number | null;
}

/** A batch, as POST/GET /v1/batches return it (the OpenAI Batch API's batch object). */
export interface BatchJob {
  id: string;
  object: 'batch';
  endpoint: string;
  input_file_id: string;
  completion_window: string;
  status: BatchStatus;
  /** The answers (null until the batch is done, and when no request succeeded). */
  output_file_id?: string | null;
  /** The failed requests' lines (null when none failed). */
  error_file_id?: string | null;
  errors?: { object: 'list'; data: BatchJobError[] } | null;
  /** Unix seconds. */
  created_at: number;
  in_progress_at?: number | null;
  expires_at?: number | null;
  finalizing_at?: number | null;
  completed_at?: number | null;
  failed_at?: number | null;
  expired_at?: number | null;
  cancelling_at?: number | null;
  cancelled_at?: number | null;
  request_counts?: { total: number; completed: number; failed: number };
  metadata?: Record<string, string> | null;
}

/** A file, as POST/GET /v1/files return it (the OpenAI Files API's file object). */
export interface BatchFile {
  id: string;
  object: 'file';
  bytes: number;
  /** Unix seconds. */
  created_at: number;
  filename: string;
  /** "batch" for inputs, "batch_output" for what a batch wrote. */
  purpose: string;
  status?: string;
  expires_at?: number | null;
}
