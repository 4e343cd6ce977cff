import type { BatchJob } from '../../batch/BatchJob.js';
import { FINAL_BATCH_STATUSES } from '../../batch/BatchJob.js';
import { nowSeconds, type StoredBatch } from './BatchStore.js';
import { page, queryOf } from './filesApiHandlers.js';
import { isRecord, openAiError, sendJson } from './httpIo.js';
import { runBatchJob } from './runBatchJob.js';
import type { RouteHandler, RouteRequest } from './TestServerContext.js';

/** The endpoints a test server batch may target (it answers chat completions only). */
const ENDPOINTS = new Set(['/v1/chat/completions']);

/**
 * POST /v1/batches: `input_file_id` (an uploaded file of purpose "batch"), `endpoint`
 * ("/v1/chat/completions"), `completion_window` ("24h") and optional `metadata` (at most 16
 * pairs, keys up to 64 characters, values up to 512). The batch starts `validating` and runs in
 * the background (`runBatchJob`).
 */
export const createBatch: RouteHandler = ({ res, body, state }) => {
  const bad = (message: string, param: string) =>
    sendJson(res, 400, { error: { message, type: 'invalid_request_error', param, code: null } });
  const fileId = typeof body.input_file_id === 'string' ? body.input_file_id : '';
  const input = state.batches.files.get(fileId);
  if (!fileId) return bad("Missing required parameter: 'input_file_id'.", 'input_file_id');
  if (!input) return sendJson(res, 404, openAiError(404, `No such File object: ${fileId}`));
  if (input.meta.purpose !== 'batch')
    return bad(
      `File ${fileId} has purpose ${input.meta.purpose}; a batch needs purpose batch.`,
      'input_file_id',
    );
  if (typeof body.endpoint !== 'string' || !ENDPOINTS.has(body.endpoint))
    return bad(`'endpoint' must be one of ${[...ENDPOINTS].join(', ')}.`, 'endpoint');
  if (body.completion_window !== '24h') return bad("'completion_window' must be '24h'.", 'completion_window');
  const metadata = body.metadata ?? null;
  if (metadata !== null && !validMetadata(metadata))
    return bad(
      "'metadata' takes at most 16 string pairs (keys up to 64 characters, values up to 512).",
      'metadata',
    );
  const created = nowSeconds();
  const job: BatchJob = {
    id: state.batches.newId('batch_'),
    object: 'batch',
    endpoint: body.endpoint,
    errors: null,
    input_file_id: fileId,
    completion_window: '24h',
    status: 'validating',
    output_file_id: null,
    error_file_id: null,
    created_at: created,
    in_progress_at: null,
    expires_at: created + 24 * 3600,
    finalizing_at: null,
    completed_at: null,
    failed_at: null,
    expired_at: null,
    cancelling_at: null,
    cancelled_at: null,
    request_counts: { total: 0, completed: 0, failed: 0 },
    metadata: metadata as Record<string, string> | null,
  };
  const stored: StoredBatch = { job, cancel: new AbortController(), done: Promise.resolve() };
  stored.done = runBatchJob(stored, state).catch((error: unknown) => {
    Object.assign(job, {
      status: 'failed',
      failed_at: nowSeconds(),
      errors: {
        object: 'list',
        data: [{ code: 'server_error', message: String(error), param: null, line: null }],
      },
    });
  });
  state.batches.batches.set(job.id, stored);
  sendJson(res, 200, job);
};

/** GET /v1/batches: newest first, `limit` (default 20, at most 100) and `after`. */
export const listBatches: RouteHandler = ({ req, res, state }) => {
  const all = [...state.batches.batches.values()].map((b) => b.job).reverse();
  const query = queryOf(req.url);
  if (!query.has('limit')) query.set('limit', '20');
  sendJson(res, 200, page(all, query, 100));
};

/** GET /v1/batches/{id}. */
export const getBatch: RouteHandler = (r) => {
  const stored = batchOf(r);
  if (stored) sendJson(r.res, 200, stored.job);
};

/** POST /v1/batches/{id}/cancel: `cancelling` now, `cancelled` once the requests in flight are done. */
export const cancelBatch: RouteHandler = (r) => {
  const stored = batchOf(r);
  if (!stored) return;
  const { job } = stored;
  if (FINAL_BATCH_STATUSES.has(job.status) || job.status === 'cancelling') {
    if (job.status === 'cancelled' || job.status === 'cancelling') return sendJson(r.res, 200, job);
    return sendJson(r.res, 409, openAiError(409, `Cannot cancel a batch with status ${job.status}.`));
  }
  Object.assign(job, { status: 'cancelling', cancelling_at: nowSeconds() });
  stored.cancel.abort();
  sendJson(r.res, 200, job);
};

function batchOf({ res, params, state }: RouteRequest): StoredBatch | undefined {
  const id = params[0] ?? '';
  const stored = state.batches.batches.get(id);
  if (!stored) sendJson(res, 404, openAiError(404, `No batch found with id '${id}'.`));
  return stored;
}

function validMetadata(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= 16 &&
    entries.every(([k, v]) => k.length <= 64 && typeof v === 'string' && v.length <= 512)
  );
}
