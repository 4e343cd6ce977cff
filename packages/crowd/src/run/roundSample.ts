import { type GoEmotionLabel, goEmotionToPlutchik, isGoEmotionLabel } from '@emocrowd/agents';
import type { CrowdSample } from '../stats/CrowdSample.js';
import type { PersonaList } from './PersonaList.js';
import type { RoundState } from './RoundState.js';

/** The answers of one round of one item as a crowd, with who gave each. */
export interface RoundSample {
  /** Estimates, confidences and group labels (emotion, plutchik, every social attribute that varies). */
  sample: CrowdSample;
  /** The persona index of each estimate, aligned with `sample.values`. */
  personaIndex: number[];
}

/**
 * The answers with a number of one round (of one item), in slot order (replicate, then persona
 * position), as a `CrowdSample` with confidences and group labels: `emotion` (the label at the
 * time of the answer), `plutchik` (its Plutchik primary) and each social attribute. Dimensions
 * with a single label are left out; `groupBy` keeps only the dimensions it names.
 *
 * @param state - the round's answers
 * @param personas - the run's crowd (slot % count is the persona's position)
 * @param groupBy - dimensions to keep (default all that vary)
 * @returns the sample and the persona of each estimate
 */
export function roundSample(
  state: RoundState | undefined,
  personas: PersonaList,
  groupBy?: readonly string[],
): RoundSample {
  const values: number[] = [];
  const confidence: (number | undefined)[] = [];
  const personaIndex: number[] = [];
  const groups: Record<string, string[]> = { emotion: [], plutchik: [] };
  // entries() runs in ascending slot order: no copy, no sort, whatever the crowd's size.
  for (const [slot, lite] of state ? state.entries() : []) {
    if (lite.status !== 'ok' || lite.estimate === undefined) continue;
    const persona = personas.at(slot % personas.count);
    values.push(lite.estimate);
    confidence.push(lite.confidence);
    personaIndex.push(persona.index);
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
  const usedGroups = Object.fromEntries(
    Object.entries(groups).filter(
      ([key, column]) => new Set(column).size > 1 && (!groupBy || groupBy.includes(key)),
    ),
  );
  return { sample: { values, confidence, groups: usedGroups }, personaIndex };
}

function plutchikOf(label: string, model: string | undefined): string {
  if (model === 'plutchik') return label;
  if (!isGoEmotionLabel(label)) return 'none';
  const mapped = goEmotionToPlutchik(label as GoEmotionLabel);
  return mapped ? mapped.emotion : 'none';
}
