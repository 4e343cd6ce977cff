import type { Task } from '@emocrowd/agents';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import type { PersonaList } from './PersonaList.js';
import { placeRecords } from './placeRecords.js';
import { type RunSummaryOptions, summarizeRun } from './summarizeRun.js';

/**
 * Rebuilds a run's summary from its stored answers, as `runCrowd` would have computed it.
 *
 * Intuition: a run split into shards (`emocrowd run --shard i/n`) or repaired by hand has all
 * its answers on disk but no summary of the whole; since `summarizeRun` works in slot order,
 * putting each answer back in its slot gives exactly the summary of the uninterrupted run.
 * Behaviour: each record goes back to its slot (`placeRecords`); the first record of a slot wins.
 *
 * @param input.descriptor what the run is (unsharded for a merged run)
 * @param input.personas the run's whole crowd, in the order the run asked it
 * @param input.records the answers (any order; duplicates ignored)
 * @param input.task the task asked, when known (for what the descriptor does not hold)
 * @param input.options the summary options the run was made with
 * @param input.elapsedMs reported as `timing.elapsedMs` (default 0)
 * @returns the summary
 * @throws RangeError when a record's persona, round, replicate or item is not part of the run
 */
export function summarizeRecords(input: {
  descriptor: RunDescriptor;
  personas: PersonaList;
  records: Iterable<ResponseRecord>;
  task?: Task;
  options?: RunSummaryOptions;
  elapsedMs?: number;
}): RunSummary {
  const { descriptor, personas } = input;
  const rounds = placeRecords(descriptor, personas, input.records);
  return summarizeRun({
    descriptor,
    personas,
    rounds,
    ...(input.task ? { task: input.task } : {}),
    options: input.options,
    elapsedMs: input.elapsedMs ?? 0,
  });
}
