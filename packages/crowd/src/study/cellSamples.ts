import type { ResponseRecord } from '../events/ResponseRecord.js';
import { descriptorItems, isBatteryDescriptor, type RunDescriptor } from '../events/RunDescriptor.js';
import { lastAnswered } from '../run/lastAnswered.js';
import type { PersonaList } from '../run/PersonaList.js';
import { placeRecords } from '../run/placeRecords.js';
import { roundSample } from '../run/roundSample.js';
import type { CrowdSample } from '../stats/CrowdSample.js';

/** One question of a cell as its contrasts compare it: the crowd its summary is computed on, and who gave each answer. */
export interface CellItemSample {
  /** The item's id in a battery; undefined for a single question. */
  readonly item?: string;
  readonly truth: number;
  readonly unit: string;
  /** The answers with a number of the last round, in slot order, with confidences and emotion groups. */
  readonly sample: CrowdSample;
  /** `personaIndex:replicate` of each answer, aligned with `sample.values`: what pairs an answer with another cell's. */
  readonly keys: readonly string[];
  /** The persona id of each answer (the same persona has the same id in every cell). */
  readonly personaIds: readonly string[];
}

/**
 * The crowds of a stored cell, one per question, built as the cell's summary builds them: the
 * answers with a number of the last round that has any (`lastAnswered`), in slot order
 * (`roundSample`, with the run's `groupBy`), each tagged with its persona and replicate.
 *
 * Only the `emotion` group dimension is kept (the one the group-based strategies read by
 * default), so two cells' crowds can be pooled for a permutation test whatever other attributes
 * each varies.
 *
 * @param input.descriptor the cell's run.json descriptor
 * @param input.personas the cell's crowd, in the order the run asked it (`runPersonas`)
 * @param input.records the cell's responses.jsonl
 * @param input.groupBy the run's `groupBy`, if any
 * @returns one sample per question, in the task's order
 */
export function cellSamples(input: {
  descriptor: RunDescriptor;
  personas: PersonaList;
  records: readonly ResponseRecord[];
  groupBy?: readonly string[];
}): CellItemSample[] {
  const { descriptor, personas, records } = input;
  const rounds = placeRecords(descriptor, personas, records);
  const ids = new Map<number, string>();
  for (const record of records) ids.set(record.personaIndex, record.personaId);
  const battery = isBatteryDescriptor(descriptor.task);
  return descriptorItems(descriptor.task).map((item, i) => {
    const { sample, personaIndex, replicate } = roundSample(lastAnswered(rounds, i), personas, input.groupBy);
    const emotion = sample.groups?.emotion;
    return {
      ...(battery ? { item: item.id } : {}),
      truth: item.truth,
      unit: item.unit,
      sample: {
        values: sample.values,
        ...(sample.confidence ? { confidence: sample.confidence } : {}),
        ...(emotion ? { groups: { emotion } } : {}),
      },
      keys: Array.from(personaIndex, (p, j) => `${p}:${replicate[j]}`),
      personaIds: Array.from(personaIndex, (p) => ids.get(p) ?? ''),
    };
  });
}
