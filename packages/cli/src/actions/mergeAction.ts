import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  describeDifference,
  type ResponseRecord,
  RUN_FILES,
  type RunDescriptor,
  type RunManifest,
  readRun,
  recordKey,
  type StoredRun,
  summarizeRecords,
  writeJsonAtomic,
} from '@emocrowd/crowd';
import { runPersonas } from '../analysis/runPersonas.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { mergeFlags } from '../commands/merge.js';
import { colorsFor } from '../output/colors.js';
import { renderRunSummary } from '../output/renderRunSummary.js';
import { slug } from '../run/describeRun.js';
import { runTask } from '../run/runTask.js';
import { VERSION } from '../version.js';

/** What `emocrowd merge` does; its flags and help are in commands/merge.ts. */
export async function mergeAction({
  flags,
  io,
  positionals,
}: CommandContext<typeof mergeFlags>): Promise<number> {
  if (positionals.length < 2)
    throw usageError('merge needs at least two run directories: emocrowd merge DIR DIR... --out DIR');
  if (flags.out === undefined) throw usageError('merge: --out DIR is required (a new or empty directory)');
  const out = resolve(io.cwd, flags.out);
  const dirs = positionals.map((p) => resolve(io.cwd, p));
  if (dirs.includes(out))
    throw usageError(`merge: --out ${flags.out} is one of the runs to merge; choose a new directory`);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0) && !flags.force) {
    throw usageError(`merge: ${flags.out} exists and is not empty; choose a new directory or add --force`);
  }
  const runs: StoredRun[] = dirs.map((dir, i) => {
    if (!existsSync(join(dir, RUN_FILES.manifest))) {
      throw usageError(`merge: ${positionals[i]} is not a run directory (no ${RUN_FILES.manifest})`);
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
        `merge: ${positionals[i]} differs from ${positionals[0]} in its ${difference}; only shards of one run can be merged`,
      );
    }
    if ((d.personas.shard?.count ?? 1) !== (base.personas.shard?.count ?? 1)) {
      throw usageError(
        `merge: ${positionals[i]} is a shard of ${d.personas.shard?.count ?? 1} where ${positionals[0]} is one of ${base.personas.shard?.count ?? 1}; merge shards of one split`,
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
  const personas = runPersonas(descriptor, io.cwd);
  const { task, note: taskNote } = runTask(first.manifest, io.cwd);
  let summary: ReturnType<typeof summarizeRecords>;
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
  if (!flags.quiet) {
    io.stderr.write(
      `merged ${runs.length} runs (${records.length} answers${duplicates > 0 ? `, ${duplicates} duplicates dropped` : ''}) into ${flags.out}\n`,
    );
    if (taskNote) io.stderr.write(`${taskNote}\n`);
    if (shardsHere.size < shardCount) {
      const missing = Array.from({ length: shardCount }, (_, i) => i)
        .filter((i) => !shardsHere.has(i))
        .map((i) => `${i + 1}/${shardCount}`);
      io.stderr.write(
        `shards ${missing.join(', ')} are not merged: ${summary.counts.missing} answers missing\n`,
      );
    }
  }
  if (flags.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else io.stdout.write(renderRunSummary(summary, { colors: colorsFor(io.stdout, io.env), dir: out }));
  return 0;
}
