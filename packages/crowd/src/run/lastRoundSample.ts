import { type GoEmotionLabel, goEmotionToPlutchik, isGoEmotionLabel } from '@emocrowd/agents';
import type { CrowdSample } from '../stats/CrowdSample.js';
import type { PersonaList } from './PersonaList.js';
import type { RoundState } from './RoundState.js';

/** The crowd a run's summary is computed on, and where each of its answers came from. */
export interface LastRoundSample {
  /** The round the answers are from (the last round with any answer), or -1 when there is none. */
  readonly round: number;
  /** Estimates, confidences and group labels of the answers with a number, in slot order. */
  readonly sample: Required<Pick<CrowdSample, 'values' | 'confidence' | 'groups'>>;
  /** The slot of each answer (replicate x personas + position), aligned with `sample.values`. */
  readonly slots: readonly number[];
}

/**
 * The answers of a run's last round that have a number, as the `CrowdSample` its summary is
 * computed on: estimates, confidences and the group labels of each answer.
 *
 * Behaviour:
 * 1. The round is the last one holding any answer (a stopped run's last round may be empty).
 * 2. Answers are taken in ascending slot order (replicate, then persona position), so the sample
 *    does not depend on the order answers arrived in.
 * 3. Groups: `emotion` (the answer's emotion label, else the persona's, else "none"), `plutchik`
 *    (its Plutchik primary, "none" without one) and every social attribute of the personas
 *    ("unknown" where a persona lacks it). Only dimensions with more than one label are kept,
 *    and with `groupBy` only those it names.
 *
 * @param personas the run's crowd, in the order the run asked it
 * @param rounds the run's rounds
 * @param groupBy dimensions to keep (default: all)
 * @returns the sample and the slot of each of its answers
 */
export function lastRoundSample(
  personas: PersonaList,
  rounds: readonly RoundState[],
  groupBy?: readonly string[],
): LastRoundSample {
  const last = [...rounds].reverse().find((state) => state.size > 0) ?? rounds[rounds.length - 1];
  const values: number[] = [];
  const confidence: (number | undefined)[] = [];
  const slots: number[] = [];
  const groups: Record<string, string[]> = { emotion: [], plutchik: [] };
  // entries() runs in ascending slot order: no copy, no sort, whatever the crowd's size.
  for (const [slot, lite] of last ? last.entries() : []) {
    if (lite.status !== 'ok' || lite.estimate === undefined) continue;
    const persona = personas.at(slot % personas.count);
    values.push(lite.estimate);
    confidence.push(lite.confidence);
    slots.push(slot);
    const emotion = lite.emotion ?? persona.emotion?.label ?? 'none';
    (groups.emotion as string[]).push(emotion);
    (groups.plutchik as string[]).push(plutchikOf(emotion, persona.emotion?.model));
    for (const [key, value] of Object.entries(persona.attributes)) {
      groups[key] ??= new Array<string>(values.length - 1).fill('unknown');
      const column = groups[key];
      column.push(value);
    }
    for (const column of Object.values(groups)) if (column.length < values.length) column.push('unknown');
  }
  const used = Object.fromEntries(
    Object.entries(groups).filter(
      ([key, column]) => new Set(column).size > 1 && (!groupBy || groupBy.includes(key)),
    ),
  );
  return { round: last?.round ?? -1, sample: { values, confidence, groups: used }, slots };
}

function plutchikOf(label: string, model: string | undefined): string {
  if (model === 'plutchik') return label;
  if (!isGoEmotionLabel(label)) return 'none';
  const mapped = goEmotionToPlutchik(label as GoEmotionLabel);
  return mapped ? mapped.emotion : 'none';
}
