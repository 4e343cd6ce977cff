import { PersonaAgent } from '@emocrowd/agents';
import {
  BATCH_NOT_ANSWERED,
  type BatchAnswer,
  type BatchOutput,
  batchReplayBackend,
  type ModelBackend,
  withCache,
} from '@emocrowd/models';
import { type ResponseRecord, recordKey } from '../events/ResponseRecord.js';
import { runCrowd } from '../run/runCrowd.js';
import type { BatchCrowd } from './BatchCrowd.js';
import {
  type BatchRequestIdentity,
  batchRunTag,
  describeIdentity,
  type ParsedBatchCustomId,
  parseBatchCustomId,
} from './batchCustomId.js';
import { CHEAP_SUMMARY, drain } from './exportBatch.js';

/** One line of an output file, read (`decodeBatchOutputLine`), with where it was read. */
export interface BatchOutputLine {
  output: BatchOutput;
  /** The file as the user named it. */
  file: string;
  /** 1-based line number. */
  line: number;
}

/** Which of two lines for one request counts: an answer, else a failure, else a request never run. */
const RANK: Record<BatchOutput['kind'], number> = { answered: 0, failed: 1, 'not-run': 2 };

/** Requests listed by identity in `missing` and `failed` at most (the counts are always complete). */
export const LISTED_AT_MOST = 10_000;

/** A batch import refused before anything was stored: one line naming the file, line and fix. */
export class BatchImportError extends Error {
  override readonly name = 'BatchImportError';
}

/** What an import found and stored. */
export interface ImportBatchResult {
  /** New answers, in arrival order, to append to responses.jsonl (as online answers arrive). */
  records: ResponseRecord[];
  /** Failed answers these replace (their keys, `recordKey`): to drop from responses.jsonl. */
  replaced: Set<string>;
  /** Lines whose answer was already stored (a second import of the same file adds nothing). */
  alreadyStored: number;
  /** Lines for requests a batch never ran (expired, cancelled): still to be asked. */
  notRun: number;
  /** The round the lines answered. */
  round: number | undefined;
  /** Requests of that round with no answer yet, after this import (the first {@link LISTED_AT_MOST}). */
  missing: BatchRequestIdentity[];
  missingCount: number;
  /** Requests of that round whose stored answer is a failure, after this import (the first {@link LISTED_AT_MOST}). */
  failed: BatchRequestIdentity[];
  failedCount: number;
}

/**
 * Reads batch answers into a run exactly as online answers arrive: the crowd is run again with
 * the model call swapped for the output lines (`batchReplayBackend`), so each answer is parsed by
 * the agent, turned into a record by `runCrowd`, cached by the response cache as an online
 * answer is, and summarised later with the rest.
 *
 * Behaviour:
 * 1. Every line's custom_id must be one of this run's (`batchCustomId`); any other is refused
 *    before anything is stored (BatchImportError naming file and line).
 * 2. A line answers the request whose body has the digest its custom_id carries. A line for an
 *    answer already stored is skipped (so a second import adds nothing); a failed answer stored
 *    is replaced by a line that answers the same request (a re-exported failure), never by
 *    another failure.
 * 3. A line whose persona, replicate, round and item the run asks now, but with another request
 *    (other prompt, seed or options), is refused as mismatching; a line for a request the run
 *    does not ask now (a later round, a persona outside the run) is refused too.
 * 4. A line the answer of which is an HTTP error, or a request that timed out, becomes a failed
 *    answer with the online error's reason; a request a batch never ran (expired, cancelled)
 *    stays unanswered.
 * 5. Only the round being answered is run through; the result lists its requests still missing
 *    and failed, which `exportBatch` exports again.
 *
 * @param crowd the run
 * @param lines the output lines of every file imported
 * @returns the new records and what is left to answer
 * @throws BatchImportError for foreign, unknown or mismatching custom_ids (nothing stored)
 */
export async function importBatch(
  crowd: BatchCrowd,
  lines: readonly BatchOutputLine[],
): Promise<ImportBatchResult> {
  const tag = batchRunTag(crowd.descriptor.runId);
  const byDigest = new Map<string, { line: BatchOutputLine; parsed: ParsedBatchCustomId }>();
  for (const line of lines) {
    const parsed = parseBatchCustomId(line.output.customId);
    if (!parsed)
      throw new BatchImportError(
        `${line.file}:${line.line}: custom_id "${line.output.customId}" is not a request emocrowd exported; import the output of this run's batch files`,
      );
    if (parsed.runTag !== tag)
      throw new BatchImportError(
        `${line.file}:${line.line}: custom_id "${line.output.customId}" belongs to another run (run tag ${parsed.runTag}, this run's is ${tag}); import it into its own run directory`,
      );
    const before = byDigest.get(parsed.digest);
    if (!before || RANK[line.output.kind] < RANK[before.line.output.kind])
      byDigest.set(parsed.digest, { line, parsed });
  }
  const stored = new Map(crowd.completed.map((r) => [recordKey(r), r]));
  const retried = new Set(
    [...byDigest.values()]
      .map(({ parsed }) => recordKey(parsed.identity))
      .filter((key) => stored.get(key)?.status === 'failed'),
  );
  const used = new Map<string, string>();
  const replay = batchReplayBackend({
    adapter: crowd.adapter,
    answerFor: (digest): BatchAnswer | undefined => {
      const found = byDigest.get(digest.slice(0, 12));
      if (!found) return undefined;
      const source = `${found.line.file}:${found.line.line}`;
      if (found.line.output.kind !== 'not-run') used.set(source, found.parsed.digest);
      return { output: found.line.output, source };
    },
  });
  const cached = crowd.cache
    ? withCache(replay, crowd.cache, { retryFailed: crowd.retryFailed ?? false })
    : undefined;
  const backend: ModelBackend = cached ?? replay;
  const agent = new PersonaAgent({
    backend,
    condition: crowd.condition,
    ...(cached ? { onUnparsed: cached.markUnparsed.bind(cached) } : {}),
  });
  const result: ImportBatchResult = {
    records: [],
    replaced: new Set(),
    alreadyStored: 0,
    notRun: 0,
    round: undefined,
    missing: [],
    missingCount: 0,
    failed: [],
    failedCount: 0,
  };
  const list = (which: 'missing' | 'failed', record: BatchRequestIdentity): void => {
    if (result[which].length < LISTED_AT_MOST) result[which].push(identityOf(record));
    if (which === 'missing') result.missingCount++;
    else result.failedCount++;
  };
  const asked = new Set<string>();
  const answeredBy = new Map<string, ResponseRecord>();
  const stop = new AbortController();
  await drain(
    runCrowd({
      descriptor: crowd.descriptor,
      task: crowd.task,
      personas: crowd.personas,
      agent,
      concurrency: 64,
      completed: crowd.completed.filter((r) => !retried.has(recordKey(r))),
      stop: stop.signal,
      ...(crowd.network ? { network: crowd.network } : {}),
      summary: CHEAP_SUMMARY,
    }),
    (record) => {
      result.round ??= record.round;
      if (record.round !== result.round) return stop.abort();
      const key = recordKey(record);
      asked.add(key);
      if (record.status === 'failed' && record.reason === BATCH_NOT_ANSWERED) {
        if (!stored.has(key)) list('missing', record);
        return;
      }
      if (record.host !== undefined && used.has(record.host)) answeredBy.set(record.host, record);
      const before = stored.get(key);
      if (before?.status === 'failed') {
        if (record.status === 'failed') return;
        result.replaced.add(key);
      }
      result.records.push(record);
      if (record.status === 'failed') list('failed', record);
    },
  );
  checkUnused(byDigest, used, answeredBy, asked, stored, result);
  for (const [key, record] of stored)
    if (record.status === 'failed' && record.round === result.round && !result.replaced.has(key))
      list('failed', record);
  return result;
}

/** Sorts out the lines no request used: already stored, never run, or refused. */
function checkUnused(
  byDigest: Map<string, { line: BatchOutputLine; parsed: ParsedBatchCustomId }>,
  used: Map<string, string>,
  answeredBy: Map<string, ResponseRecord>,
  asked: ReadonlySet<string>,
  stored: Map<string, ResponseRecord>,
  result: ImportBatchResult,
): void {
  const usedDigests = new Set(used.values());
  const added = new Set(result.records.map(recordKey));
  for (const { line, parsed } of byDigest.values()) {
    const where = `${line.file}:${line.line}: custom_id "${line.output.customId}"`;
    const key = recordKey(parsed.identity);
    const source = `${line.file}:${line.line}`;
    const record = answeredBy.get(source);
    if (record && recordKey(record) !== key)
      throw new BatchImportError(
        `${where} names ${describeIdentity(parsed.identity)} but its request is that of ${describeIdentity(record)}; the file was altered, export again`,
      );
    if (usedDigests.has(parsed.digest)) continue;
    if (line.output.kind === 'not-run') {
      result.notRun++;
      continue;
    }
    const retriedFailure = stored.get(key)?.status === 'failed' && asked.has(key);
    if ((stored.has(key) && !retriedFailure) || added.has(key)) {
      result.alreadyStored++;
      continue;
    }
    if (asked.has(key))
      throw new BatchImportError(
        `${where} answers a request this run no longer asks for ${describeIdentity(parsed.identity)} (its prompt, seed or options differ); export the run again and answer the new file`,
      );
    throw new BatchImportError(
      `${where} is for ${describeIdentity(parsed.identity)}, which this run does not ask now${result.round !== undefined && parsed.identity.round > result.round ? ` (round ${parsed.identity.round} is asked once round ${result.round} is answered)` : ''}; import the files of this run's latest export`,
    );
  }
}

function identityOf(record: BatchRequestIdentity): BatchRequestIdentity {
  return {
    personaIndex: record.personaIndex,
    replicate: record.replicate,
    round: record.round,
    ...(record.item !== undefined ? { item: record.item } : {}),
  };
}
