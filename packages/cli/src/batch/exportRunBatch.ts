import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { taskItems } from '@emocrowd/agents';
import {
  BATCH_DIR,
  type BatchExportEntry,
  type BatchLedger,
  exportBatch,
  readBatchLedger,
  storeAnswers,
  writeBatchLedger,
} from '@emocrowd/crowd';
import { type BatchFileLimits, BatchFileWriter, OPENAI_BATCH_LIMITS } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';
import type { BatchRun } from './BatchRun.js';

/** What `exportRunBatch` wrote. */
export interface RunBatchExport {
  /** The round exported; undefined when the run is answered (nothing written). */
  round: number | undefined;
  requests: number;
  /** Answers the response cache held, stored in the run instead of exported. */
  fromCache: number;
  retried: number;
  /** The ledger entry (files with their sizes and digests); undefined when nothing was written. */
  entry: BatchExportEntry | undefined;
}

/**
 * Exports the next round of a run into batch input files and records the export in the run's
 * batch ledger (`batch/batches.json`).
 *
 * Behaviour: `exportBatch` writes the lines through a `BatchFileWriter` (split under `limits`;
 * nothing left behind when it fails); answers the response cache held are stored in
 * responses.jsonl as an online run stores them; the files are recorded with their line and
 * byte counts and SHA-256. An export with no request writes no file.
 *
 * @param run the batch run
 * @param out the file asked for (`--batch-out`, `--out`); default `batch/requests-r<round>.jsonl` in the run
 * @param options `limits` and `includeFailed`
 * @returns what was exported
 */
export async function exportRunBatch(
  run: BatchRun,
  out: string | undefined,
  options: { limits?: BatchFileLimits; includeFailed?: boolean } = {},
): Promise<RunBatchExport> {
  const ledger: BatchLedger = readBatchLedger(run.dir) ?? {
    schemaVersion: 1,
    startedAt: new Date().toISOString(),
    exports: [],
  };
  const target = out ?? defaultFile(run.dir, nextRound(run));
  mkdirSync(dirname(target), { recursive: true });
  let writer: BatchFileWriter;
  try {
    writer = new BatchFileWriter(target, options.limits ?? OPENAI_BATCH_LIMITS);
  } catch (error) {
    throw usageError(`${(error as Error).message}`);
  }
  let result: Awaited<ReturnType<typeof exportBatch>>;
  try {
    result = await exportBatch(run.crowd, {
      write: (line) => writer.write(line),
      ...(options.includeFailed ? { includeFailed: true } : {}),
    });
  } catch (error) {
    writer.abort();
    throw error;
  }
  const parts = writer.close();
  if (result.fromCache.length > 0) {
    storeAnswers(run.dir, result.fromCache);
    run.crowd.completed = [...run.crowd.completed, ...result.fromCache];
  }
  const done = {
    round: result.round,
    requests: result.requests,
    fromCache: result.fromCache.length,
    retried: result.retried,
  };
  if (result.round === undefined || parts.length === 0) return { ...done, entry: undefined };
  const entry: BatchExportEntry = {
    round: result.round,
    at: new Date().toISOString(),
    requests: result.requests,
    retried: result.retried,
    files: parts.map((part) => ({
      path: inside(run.dir, part.path),
      lines: part.lines,
      bytes: part.bytes,
      sha256: createHash('sha256').update(readFileSync(part.path)).digest('hex'),
    })),
  };
  ledger.exports.push(entry);
  writeBatchLedger(run.dir, ledger);
  return { ...done, entry };
}

/** A path as the ledger keeps it: relative to the run directory when inside it. */
export function inside(dir: string, path: string): string {
  const rel = relative(dir, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** The round a new export asks: the first with fewer answers than slots (for the default file name). */
function nextRound(run: BatchRun): number {
  const perRound = run.crowd.personas.count * run.descriptor.replicates * taskItems(run.crowd.task).length;
  const answered = new Map<number, number>();
  for (const record of run.crowd.completed) answered.set(record.round, (answered.get(record.round) ?? 0) + 1);
  let round = 0;
  while (round < run.descriptor.rounds - 1 && (answered.get(round) ?? 0) >= perRound) round++;
  return round;
}

function defaultFile(dir: string, round: number): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `requests-r${round}.jsonl` : `requests-r${round}-${n}.jsonl`;
    const path = join(dir, BATCH_DIR, name);
    const part = path.replace(/\.jsonl$/, '-001.jsonl');
    if (!existsSync(path) && !existsSync(part)) return path;
  }
}
