import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { PersonaList } from './PersonaList.js';
import { RoundState } from './RoundState.js';

/**
 * Puts a run's stored answers back into the rounds `runCrowd` kept them in: each record goes to
 * round `record.round`, slot replicate x personas + position, where position is the persona's
 * place in `personas` (found by persona index). The first record of a slot wins.
 *
 * @param descriptor what the run is (rounds, replicates, runId for errors)
 * @param personas the run's crowd, in the order the run asked it
 * @param records the answers (any order)
 * @returns one RoundState per round of the run
 * @throws RangeError when a record's persona, round or replicate is not part of the run
 */
export function placeRecords(
  descriptor: RunDescriptor,
  personas: PersonaList,
  records: Iterable<ResponseRecord>,
): RoundState[] {
  const rounds = Array.from(
    { length: descriptor.rounds },
    (_, r) => new RoundState(r, personas.count * descriptor.replicates),
  );
  const positions = new Map<number, number>();
  for (let p = 0; p < personas.count; p++) {
    const index = personas.at(p).index;
    if (!positions.has(index)) positions.set(index, p);
  }
  for (const record of records) {
    const state = rounds[record.round];
    const position = positions.get(record.personaIndex);
    if (
      !state ||
      position === undefined ||
      record.replicate < 0 ||
      record.replicate >= descriptor.replicates
    ) {
      throw new RangeError(
        `answer of persona ${record.personaIndex} (round ${record.round}, replicate ${record.replicate}) is not part of run ${descriptor.runId}`,
      );
    }
    state.add(record.replicate * personas.count + position, record);
  }
  return rounds;
}
