import { join, resolve } from 'node:path';
import {
  BatchImportError,
  type BatchRequestIdentity,
  type ImportBatchResult,
  importBatch,
  RUN_FILES,
  type RunSummary,
  readBatchLedger,
  readResponses,
  storeAnswers,
  summarizeRecords,
  writeBatchLedger,
  writeJsonAtomic,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import type { BatchRun } from './BatchRun.js';
import { readBatchOutputs } from './readBatchOutputs.js';

/** What `importRunBatch` stored, and what is left. */
export interface RunBatchImport {
  /** The round the files answered (undefined when every line was already stored). */
  round: number | undefined;
  /** Answers stored by this import, by status. */
  imported: { ok: number; unparsed: number; failed: number };
  /** Failed answers these replaced. */
  replaced: number;
  alreadyStored: number;
  notRun: number;
  missing: BatchRequestIdentity[];
  missingCount: number;
  failed: BatchRequestIdentity[];
  failedCount: number;
  /** True when every answer of every round is stored. */
  complete: boolean;
  summary: RunSummary;
}

/**
 * Imports batch output files into a run: decodes them, runs `importBatch` (answers parsed,
 * turned into records and cached exactly as online answers), stores the new answers in
 * responses.jsonl (replacing the failures they answer again), writes summary.json over every
 * stored answer, and marks the round's exports imported once nothing of it is missing.
 *
 * The summary's timing runs from the run's first batch export to this import.
 *
 * @param run the batch run
 * @param files the output files, as the user named them
 * @param cwd where relative names start
 * @returns counts, what is left, and the summary
 * @throws CliError (exit 2) for a file that is not batch output, or a foreign, unknown or
 *   mismatching custom_id (nothing stored)
 */
export async function importRunBatch(
  run: BatchRun,
  files: readonly string[],
  cwd: string,
): Promise<RunBatchImport> {
  const lines = await readBatchOutputs(files, (file) => resolve(cwd, file));
  let result: ImportBatchResult;
  try {
    result = await importBatch(run.crowd, lines);
  } catch (error) {
    if (error instanceof BatchImportError) throw usageError(error.message);
    throw error;
  }
  storeAnswers(run.dir, result.records, result.replaced);
  const records = readResponses(join(run.dir, RUN_FILES.responses)).records;
  run.crowd.completed = records;
  const ledger = readBatchLedger(run.dir);
  const startedAt = ledger ? Date.parse(ledger.startedAt) : Date.now();
  const summary = summarizeRecords({
    descriptor: run.descriptor,
    personas: run.crowd.personas,
    records,
    task: run.crowd.task,
    options: run.summary,
    elapsedMs: Math.max(0, Date.now() - startedAt),
  });
  writeJsonAtomic(join(run.dir, RUN_FILES.summary), summary);
  if (ledger && result.round !== undefined && result.missingCount === 0) {
    const at = new Date().toISOString();
    for (const entry of ledger.exports)
      if (entry.round === result.round) for (const file of entry.files) file.importedAt ??= at;
    writeBatchLedger(run.dir, ledger);
  }
  const count = (status: string) => result.records.filter((r) => r.status === status).length;
  return {
    round: result.round,
    imported: { ok: count('ok'), unparsed: count('unparsed'), failed: count('failed') },
    replaced: result.replaced.size,
    alreadyStored: result.alreadyStored,
    notRun: result.notRun,
    missing: result.missing,
    missingCount: result.missingCount,
    failed: result.failed,
    failedCount: result.failedCount,
    complete: summary.counts.missing === 0,
    summary,
  };
}
