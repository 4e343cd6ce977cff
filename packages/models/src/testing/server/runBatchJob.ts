import type { BatchJob } from '../../batch/BatchJob.js';
import { nowSeconds, type StoredBatch } from './BatchStore.js';
import { type ChatOutcome, completeChatRequest } from './completeChatRequest.js';
import { wait } from './httpIo.js';
import type { TestServerState } from './TestServerContext.js';
import { type BatchInputRequest, validateBatchInput } from './validateBatchInput.js';

/**
 * Runs a created batch to a final state, as the OpenAI Batch API does, updating `stored.job`
 * (what GET /v1/batches/{id} shows) at every step:
 * 1. `validating` for `timing.validatingMs`; an input that fails validation ends in `failed`
 *    with `errors.data` (code, line, message) and no files.
 * 2. `in_progress`: the requests are answered `timing.concurrency` at a time by
 *    `completeChatRequest` (the online answer, faults and latency included), and
 *    `request_counts` counts them as they complete (2xx: completed, else failed).
 * 3. `finalizing` for `timing.finalizingMs`, then `completed` with `output_file_id` (the 2xx
 *    answers) and `error_file_id` (the others), each null when it would be empty. Lines are in
 *    completion order, as the API does not promise input order.
 * A cancel (`stored.cancel`) stops new requests; the ones in flight finish, the rest get
 * `batch_cancelled` error lines, and the batch ends `cancelled` with the files of what ran.
 *
 * @param stored the batch
 * @param state the server (its models, faults, files)
 */
export async function runBatchJob(stored: StoredBatch, state: TestServerState): Promise<void> {
  // One signal for "stop asking": the batch was cancelled or the server closes. Listeners are
  // removed at the end, so a server that ran many batches keeps none behind.
  const stopping = new AbortController();
  const onStop = (): void => stopping.abort();
  stored.cancel.signal.addEventListener('abort', onStop, { once: true });
  state.closing.addEventListener('abort', onStop, { once: true });
  if (stored.cancel.signal.aborted || state.closing.aborted) onStop();
  try {
    await runSteps(stored, state, stopping.signal);
  } finally {
    stored.cancel.signal.removeEventListener('abort', onStop);
    state.closing.removeEventListener('abort', onStop);
  }
}

async function runSteps(stored: StoredBatch, state: TestServerState, stop: AbortSignal): Promise<void> {
  const { job, cancel } = stored;
  const { timing } = state.batches;
  await wait(timing.validatingMs, stop);
  if (state.closing.aborted) return;
  if (cancel.signal.aborted) return finish(job, 'cancelled', [], [], state);
  const input = state.batches.files.get(job.input_file_id);
  const checked = validateBatchInput(input?.content ?? Buffer.alloc(0), job.endpoint);
  if ('errors' in checked) {
    Object.assign(job, {
      status: 'failed',
      failed_at: nowSeconds(),
      errors: { object: 'list', data: checked.errors },
    });
    return;
  }
  const { requests } = checked;
  Object.assign(job, {
    status: 'in_progress',
    in_progress_at: nowSeconds(),
    request_counts: { total: requests.length, completed: 0, failed: 0 },
  });
  const outputs: string[] = [];
  const errors: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length && !stop.aborted) {
      const request = requests[next++] as BatchInputRequest;
      const outcome = await completeChatRequest(request.body, state, stop);
      if (state.closing.aborted) return;
      const answered = outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
      (answered ? outputs : errors).push(outputLine(request.customId, outcome, state));
      const counts = job.request_counts as { completed: number; failed: number };
      if (answered) counts.completed++;
      else counts.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(timing.concurrency, requests.length) }, worker));
  if (state.closing.aborted) return;
  if (cancel.signal.aborted) {
    for (const request of requests.slice(next))
      errors.push(
        JSON.stringify({
          id: state.batches.newId('batch_req_'),
          custom_id: request.customId,
          response: null,
          error: {
            code: 'batch_cancelled',
            message: 'This request was not executed because the batch was cancelled.',
          },
        }),
      );
    return finish(job, 'cancelled', outputs, errors, state);
  }
  Object.assign(job, { status: 'finalizing', finalizing_at: nowSeconds() });
  await wait(timing.finalizingMs, state.closing);
  if (state.closing.aborted) return;
  finish(job, 'completed', outputs, errors, state);
}

function outputLine(customId: string, outcome: ChatOutcome, state: TestServerState): string {
  const id = state.batches.newId('batch_req_');
  if (outcome.kind === 'timeout')
    return JSON.stringify({
      id,
      custom_id: customId,
      response: null,
      error: { code: outcome.code, message: outcome.message },
    });
  return JSON.stringify({
    id,
    custom_id: customId,
    response: { status_code: outcome.status, request_id: state.batches.newId('req_'), body: outcome.body },
    error: null,
  });
}

/** Writes the output and error files (when not empty) and sets the final state. */
function finish(
  job: BatchJob,
  status: 'completed' | 'cancelled',
  outputs: string[],
  errors: string[],
  state: TestServerState,
): void {
  const file = (lines: string[], kind: string): string | null =>
    lines.length === 0
      ? null
      : state.batches.addFile(`${job.id}_${kind}.jsonl`, 'batch_output', Buffer.from(`${lines.join('\n')}\n`))
          .id;
  Object.assign(job, {
    status,
    output_file_id: file(outputs, 'output'),
    error_file_id: file(errors, 'error'),
    ...(status === 'completed' ? { completed_at: nowSeconds() } : { cancelled_at: nowSeconds() }),
  });
}
