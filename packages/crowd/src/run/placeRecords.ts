import type { ResponseRecord } from '../events/ResponseRecord.js';
import { descriptorItems, type RunDescriptor } from '../events/RunDescriptor.js';
import type { PersonaList } from './PersonaList.js';
import { RunRounds } from './RunRounds.js';

/**
 * Puts a run's stored answers back into the rounds `runCrowd` kept them in: each record goes to
 * slot replicate x personas + position of its round and item (a record without `item` answers
 * the task's only item), where position is the persona's place in `personas` (found by persona
 * index); the first record of a slot wins.
 *
 * @param descriptor what the run is (rounds, replicates, items; runId for errors)
 * @param personas the run's crowd, in the order the run asked it
 * @param records the answers (any order; duplicates ignored)
 * @returns the rounds
 * @throws RangeError when a record's persona, round, replicate or item is not part of the run
 */
export function placeRecords(
  descriptor: RunDescriptor,
  personas: PersonaList,
  records: Iterable<ResponseRecord>,
): RunRounds {
  const items = descriptorItems(descriptor.task);
  const itemIndex = new Map(items.map((item, i) => [item.id, i]));
  const rounds = new RunRounds(descriptor.rounds, items.length, personas.count, descriptor.replicates);
  const positions = new Map<number, number>();
  for (let p = 0; p < personas.count; p++) {
    const index = personas.at(p).index;
    if (!positions.has(index)) positions.set(index, p);
  }
  for (const record of records) {
    const item = itemIndex.get(record.item ?? (items.length === 1 ? (items[0]?.id ?? '') : ''));
    const state = item === undefined ? undefined : rounds.states[record.round]?.[item];
    const position = positions.get(record.personaIndex);
    if (
      !state ||
      position === undefined ||
      record.replicate < 0 ||
      record.replicate >= descriptor.replicates
    ) {
      throw new RangeError(
        `answer of persona ${record.personaIndex} (round ${record.round}, replicate ${record.replicate}${record.item === undefined ? '' : `, item ${record.item}`}) is not part of run ${descriptor.runId}`,
      );
    }
    state.add(record.replicate * personas.count + position, record);
  }
  return rounds;
}
