import { PersonaAgent } from '@emocrowd/agents';
import {
  batchCaptureBackend,
  encodeBatchRequestLine,
  keyFor,
  type ModelBackend,
  type ResponseCache,
} from '@emocrowd/models';
import type { Observable, Subscription } from 'rxjs';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { runCrowd } from '../run/runCrowd.js';
import type { BatchCrowd } from './BatchCrowd.js';
import { batchCustomId, batchRunTag } from './batchCustomId.js';

/** What to export besides the run. */
export interface ExportBatchOptions {
  /** Receives each request line (without its newline). */
  write(line: string): void;
  /** Also export the requests whose stored answer failed, in the last round answered (to replace them). */
  includeFailed?: boolean;
}

/** What an export did. */
export interface ExportBatchResult {
  /** The round exported; undefined when every round is answered (nothing to export). */
  round: number | undefined;
  /** Request lines written. */
  requests: number;
  /** Answers the response cache held: stored like online answers, not exported. */
  fromCache: ResponseRecord[];
  /** Failed answers asked again (their records are replaced when the new answers are imported). */
  retried: number;
}

/**
 * Writes the requests an online run would send next, one OpenAI Batch line each, without
 * calling any model.
 *
 * Intuition: rather than enumerate requests a second way, the crowd is run as it is online,
 * with the model call swapped for a capture (`batchCaptureBackend`): persona order, seeds, what
 * each persona is shown in a later round, items and replicates are decided by `runCrowd` itself.
 * Behaviour:
 * 1. The answers already stored are not asked (as a resumed run); with `includeFailed`, failed
 *    ones of the last round answered are.
 * 2. Only the first round with unanswered slots is exported: what agents are shown in round
 *    r + 1 depends on the answers of round r, so a later round waits until that round is imported.
 * 3. Each captured request becomes `{"custom_id", "method": "POST", "url":
 *    "/v1/chat/completions", "body"}` with the online adapter's exact body, and a custom_id
 *    from the record's identity and the body's digest (`batchCustomId`).
 * 4. A request the run's response cache answers is not exported: its answer is returned in
 *    `fromCache`, to be stored as an online run stores a cache hit. The cache is only read.
 *
 * @param crowd the run
 * @param options the sink and `includeFailed`
 * @returns the round, counts and the answers from the cache
 */
export async function exportBatch(
  crowd: BatchCrowd,
  options: ExportBatchOptions,
): Promise<ExportBatchResult> {
  const capture = batchCaptureBackend(crowd.adapter);
  const cached = crowd.cache
    ? readOnlyCache(capture.backend, crowd.cache, crowd.retryFailed ?? false)
    : undefined;
  const agent = new PersonaAgent({ backend: cached ?? capture.backend, condition: crowd.condition });
  const retry = options.includeFailed ? lastRoundFailures(crowd.completed) : new Set<ResponseRecord>();
  const completed = crowd.completed.filter((r) => !retry.has(r));
  const runTag = batchRunTag(crowd.descriptor.runId);
  const result: ExportBatchResult = { round: undefined, requests: 0, fromCache: [], retried: retry.size };
  const stop = new AbortController();
  await drain(
    runCrowd({
      descriptor: crowd.descriptor,
      task: crowd.task,
      personas: crowd.personas,
      agent,
      concurrency: 64,
      completed,
      stop: stop.signal,
      ...(crowd.network ? { network: crowd.network } : {}),
      summary: CHEAP_SUMMARY,
    }),
    (record) => {
      result.round ??= record.round;
      if (record.round !== result.round) return stop.abort();
      if (record.cached) return void result.fromCache.push(record);
      const request = capture.take(record.raw ?? '');
      if (!request)
        throw new Error(`an answer of ${record.personaIndex} came from neither the capture nor the cache`);
      options.write(encodeBatchRequestLine(batchCustomId(runTag, record, request.digest), request.body));
      result.requests++;
    },
  );
  if (result.round === undefined) result.retried = 0;
  return result;
}

/** What `runCrowd` computes at the end of an export or import pass (its summary is discarded). */
export const CHEAP_SUMMARY = { subsets: 0, bootstrap: 0, strategies: ['mean'], groupBy: [] } as const;

/** The failed answers of the last round that has answers: the ones `includeFailed` asks again. */
function lastRoundFailures(records: readonly ResponseRecord[]): Set<ResponseRecord> {
  const last = Math.max(-1, ...records.map((r) => r.round));
  return new Set(records.filter((r) => r.round === last && r.status === 'failed'));
}

/** The cache in front of the capture, only read: a hit is an answer, a miss is captured, nothing is written. */
function readOnlyCache(capture: ModelBackend, cache: ResponseCache, retryFailed: boolean): ModelBackend {
  return {
    info: () => capture.info(),
    async generate(request) {
      const stored = cache.lookup(keyFor(request, capture.info()), { retryFailed });
      if (stored !== undefined)
        return { ...stored, model: stored.model || capture.info().id, cached: true, latencyMs: 0 };
      return capture.generate(request);
    },
  };
}

/**
 * Subscribes to a run's events and calls `onRecord` for each answer, resolving when the run
 * completes; an exception in `onRecord` ends the run and rejects.
 *
 * @param events$ the run's events
 * @param onRecord called with each answer's record, in arrival order
 */
export function drain(
  events$: Observable<CrowdEvent>,
  onRecord: (record: ResponseRecord) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed = false;
    const subscription: Subscription = events$.subscribe({
      next: (event) => {
        if (failed || (event.type !== 'estimateSubmitted' && event.type !== 'estimateFailed')) return;
        try {
          onRecord(event.record);
        } catch (error) {
          failed = true;
          queueMicrotask(() => subscription.unsubscribe());
          reject(error);
        }
      },
      error: reject,
      complete: () => resolve(),
    });
  });
}
