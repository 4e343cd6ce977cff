import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  describeDifference,
  type ResponseRecord,
  RUN_FILES,
  type RunDescriptor,
  type RunManifest,
  type RunSummary,
  readRun,
  recordKey,
  type StoredRun,
  summarizeRecords,
  writeJsonAtomic,
} from '@emocrowd/crowd';
import { runPersonas } from '../analysis/runPersonas.js';
import { usageError } from '../command/CliError.js';
import { VERSION } from '../version.js';
import { slug } from './describeRun.js';
import { runTask } from './runTask.js';

/** What `mergeRuns` wrote. */
export interface MergedRun {
  summary: RunSummary;
  /** Runs merged and answers kept. */
  runs: number;
  answers: number;
  /** Answers found in more than one run (the first kept). */
  duplicates: number;
  /** Shards of the split not among the runs (`1/4` style), empty when all are there. */
  missingShards: string[];
  /** Why the summary has no fidelity to the human crowd: the task cannot be read again (`runTask`). */
  taskNote?: string;
}

/**
 * Merges the shards of one run (`--shard I/N`) into one run directory: answers deduplicated by
 * record key (the first kept) and sorted, run.json without the shard, the summary recomputed over
 * the whole crowd (with the fidelity to the task's human crowd when the task can be read again).
 * Refuses runs that differ in anything but the shard, or shards of different
 * splits. The caller checks `out` may be written.
 *
 * @param dirs the run directories (absolute)
 * @param shown how the user named them (for errors)
 * @param out the merged run directory (absolute; created)
 * @param cwd where relative persona files start when run.json records no cwd
 * @returns the summary and counts
 * @throws CliError (exit 2) naming the run and what differs
 */
export function mergeRuns(
  dirs: readonly string[],
  shown: readonly string[],
  out: string,
  cwd: string,
): MergedRun {
  const runs: StoredRun[] = dirs.map((dir, i) => {
    if (!existsSync(join(dir, RUN_FILES.manifest))) {
      throw usageError(`merge: ${shown[i]} is not a run directory (no ${RUN_FILES.manifest})`);
    }
    try {
      return readRun(dir);
    } catch (error) {
      throw usageError(`merge: ${(error as Error).message.split('\n')[0]}`);
    }
  });
  const first = runs[0] as StoredRun;
  const unsharded = (d: RunDescriptor): Omit<RunDescriptor, 'runId'> => {
    const { runId: _runId, personas, ...rest } = d;
    const { shard: _shard, ...wholeCrowd } = personas;
    return { ...rest, personas: wholeCrowd };
  };
  const base = first.manifest.descriptor;
  for (let i = 1; i < runs.length; i++) {
    const d = (runs[i] as StoredRun).manifest.descriptor;
    const difference = describeDifference(unsharded(base), unsharded(d));
    if (difference) {
      throw usageError(
        `merge: ${shown[i]} differs from ${shown[0]} in its ${difference}; only shards of one run can be merged`,
      );
    }
    if ((d.personas.shard?.count ?? 1) !== (base.personas.shard?.count ?? 1)) {
      throw usageError(
        `merge: ${shown[i]} is a shard of ${d.personas.shard?.count ?? 1} where ${shown[0]} is one of ${base.personas.shard?.count ?? 1}; merge shards of one split`,
      );
    }
  }
  const records: ResponseRecord[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const run of runs) {
    for (const record of run.records) {
      const key = recordKey(record);
      if (seen.has(key)) {
        duplicates++;
        continue;
      }
      seen.add(key);
      records.push(record);
    }
  }
  records.sort(
    (a, b) =>
      a.round - b.round ||
      a.replicate - b.replicate ||
      a.personaIndex - b.personaIndex ||
      (a.item ?? '').localeCompare(b.item ?? ''),
  );
  const descriptor: RunDescriptor = { runId: slug(basename(out)), ...unsharded(base) };
  const request = { ...first.manifest.request };
  delete request.shard;
  const personas = runPersonas(descriptor, first.manifest.cwd ?? cwd);
  const { task, note: taskNote } = runTask(first.manifest, cwd);
  let summary: RunSummary;
  try {
    summary = summarizeRecords({
      ...(task ? { task } : {}),
      descriptor,
      personas,
      records,
      options: {
        ...(Array.isArray(request.strategies) ? { strategies: request.strategies as string[] } : {}),
        ...(typeof request.subsets === 'number' ? { subsets: request.subsets } : {}),
        ...(typeof request.tolerance === 'number' ? { tolerance: request.tolerance } : {}),
        ...(Array.isArray(request.groupBy) ? { groupBy: request.groupBy as string[] } : {}),
        ...(typeof request.selectK === 'number'
          ? { strategyOptions: { selectCrowd: { k: request.selectK } } }
          : {}),
      },
      elapsedMs: Math.max(0, ...runs.map((r) => r.summary?.timing.elapsedMs ?? 0)),
    });
  } catch (error) {
    if (error instanceof RangeError) throw usageError(`merge: ${error.message}`);
    throw error;
  }

  mkdirSync(out, { recursive: true });
  const responsesPath = join(out, RUN_FILES.responses);
  const tmp = `${responsesPath}.tmp-${process.pid}`;
  writeFileSync(tmp, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  renameSync(tmp, responsesPath);
  const manifest: RunManifest = {
    schemaVersion: 1,
    descriptor,
    request,
    ...(first.manifest.cwd ? { cwd: first.manifest.cwd } : {}),
    createdAt: new Date().toISOString(),
    versions: { emocrowd: VERSION, node: process.version },
  };
  writeJsonAtomic(join(out, RUN_FILES.manifest), manifest);
  writeJsonAtomic(join(out, RUN_FILES.summary), summary);

  const shardsHere = new Set(runs.map((r) => r.manifest.descriptor.personas.shard?.index ?? 0));
  const shardCount = base.personas.shard?.count ?? 1;
  const missingShards = Array.from({ length: shardCount }, (_, i) => i)
    .filter((i) => !shardsHere.has(i))
    .map((i) => `${i + 1}/${shardCount}`);
  return {
    summary,
    runs: runs.length,
    answers: records.length,
    duplicates,
    missingShards,
    ...(taskNote ? { taskNote } : {}),
  };
}
