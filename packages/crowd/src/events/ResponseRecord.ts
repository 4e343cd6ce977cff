import type { PersonaAnswer } from '@emocrowd/agents';

/**
 * One persona's answer as it is stored and streamed: a line of `responses.jsonl`, the payload
 * of `estimateSubmitted` / `estimateFailed` events. Flat and JSON-safe, so a run can be
 * analysed with pandas or R without emocrowd.
 */
export interface ResponseRecord extends PersonaAnswer {
  /**
   * The item of a battery this answers (the item's id). Absent for a single-question task, and
   * in every record written before batteries existed: a record without `item` answers the task's
   * only item.
   */
  item?: string;
  /** The persona's emotion label at the time of this answer (after updates in later rounds). */
  emotion?: string;
  emotionModel?: 'goemotions' | 'plutchik' | 'beam';
  intensity?: number;
  /** BEAM emotions: the spectrum of the emotion at the time of this answer, e.g. "sadness-joy". */
  spectrum?: string;
  /** BEAM emotions: the position on the spectrum, -1 (negative pole) to +1 (positive pole). */
  signedIntensity?: number;
  /** The persona's social attributes (the condition decides whether the prompt showed them). */
  attributes: Readonly<Record<string, string>>;
  /**
   * What the persona was shown of the others before this answer, as one number: the aggregate
   * shown, or the mean of the neighbours' answers shown. Absent in round 0 and when nothing was
   * shown.
   */
  shown?: number;
  /**
   * The persona's node in the run's network (its position in the crowd, the numbering of
   * network.csv), when the run's influence has a network (`--network`); absent otherwise.
   */
  node?: number;
}

/**
 * The identity of an answer within a run: at most one record per key. `round:replicate:persona`,
 * followed by `:item` for an item of a battery (so single-question runs keep their keys).
 */
export function recordKey(
  record: Pick<ResponseRecord, 'round' | 'replicate' | 'personaIndex' | 'item'>,
): string {
  const key = `${record.round}:${record.replicate}:${record.personaIndex}`;
  return record.item === undefined ? key : `${key}:${record.item}`;
}
