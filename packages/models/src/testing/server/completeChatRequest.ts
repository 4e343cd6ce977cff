import { BUSY, RUNNER_DIED } from './answerInference.js';
import { buildAnswer } from './buildAnswer.js';
import { openAiError, wait } from './httpIo.js';
import { fullName } from './ModelStore.js';
import type { TestServerState } from './TestServerContext.js';
import { toPrompt } from './toPrompt.js';
import { openAiCompletion } from './writeAnswer.js';

/** What one chat completion request came to, outside HTTP (a batch's request). */
export type ChatOutcome =
  /** Answered (200 with the completion) or refused (an HTTP error status with its error body). */
  | { kind: 'response'; status: number; body: unknown }
  /** Never answered: the call to the model timed out (the Batch API's `request_timeout`). */
  | { kind: 'timeout'; code: 'request_timeout'; message: string };

/**
 * Answers one /v1/chat/completions body the way POST /v1/chat/completions answers it, but as a
 * value instead of an HTTP response: how the test server's batches and the offline batch
 * runner answer each line, so a batch line gets the same completion the online call gets.
 *
 * Behaviour: a missing model is 400, an unknown one 404 (the server's own messages); a body
 * asking to stream is 400 (a batch answers whole); then the fault plan draws the request's fault
 * and latency as for an online request: `busy` is 503, `server-error` 500, `reset` and
 * `truncate` (an answer cut off) 500, `hang` a timeout; otherwise the completion body, built by
 * the same `buildAnswer` and `openAiCompletion` as the online answer.
 *
 * @param body the request body
 * @param state the server's models, faults and answer function
 * @param signal ends a latency wait early (the batch was cancelled or the server closed)
 * @returns the outcome
 */
export async function completeChatRequest(
  body: Record<string, unknown>,
  state: TestServerState,
  signal: AbortSignal,
): Promise<ChatOutcome> {
  const fail = (status: number, message: string): ChatOutcome => ({
    kind: 'response',
    status,
    body: openAiError(status, message),
  });
  const name = typeof body.model === 'string' ? body.model : '';
  if (!name) return fail(400, 'model is required');
  if (!state.store.find(name))
    return fail(404, `model ${JSON.stringify(fullName(name))} not found, try pulling it first`);
  if (body.stream === true) return fail(400, 'a batch request must not ask to stream');
  const fault = state.plan.next();
  const delay = state.plan.latency({ path: '/v1/chat/completions', body });
  if (delay > 0) await wait(delay, signal, state.closing);
  if (fault === 'busy') return fail(503, BUSY);
  if (fault === 'server-error') return fail(500, RUNNER_DIED);
  if (fault === 'reset' || fault === 'truncate') return fail(500, `${RUNNER_DIED} (mid-answer)`);
  if (fault === 'hang')
    return { kind: 'timeout', code: 'request_timeout', message: 'The request timed out.' };
  const answer = await buildAnswer(toPrompt('openai', name, body), state);
  return { kind: 'response', status: 200, body: openAiCompletion(answer) };
}
