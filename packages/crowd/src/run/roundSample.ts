import {
  beamToPlutchik,
  formatIntensity,
  type GoEmotionLabel,
  goEmotionToPlutchik,
  intensityScaleOf,
  isGoEmotionLabel,
} from '@emocrowd/agents';
import type { ConductRow } from '../analysis/summarizeConduct.js';
import type { CrowdSample } from '../stats/CrowdSample.js';
import type { PersonaList } from './PersonaList.js';
import type { RoundState } from './RoundState.js';

/** The intensity scale of each answer's persona, aligned with the sample's values (see `intensityScaleOf`). */
export interface IntensityScales {
  /** The BEAM spectrum, Plutchik spoke or GoEmotions label (undefined without an emotion). */
  scales: (string | undefined)[];
  /** The intensity the persona was given: signed for BEAM. */
  levels: (number | undefined)[];
  /** The persona's emotion word. */
  labels: (string | undefined)[];
}

/** The answers of one round of one item as a crowd, with who gave each. */
export interface RoundSample {
  /** Estimates, confidences and group labels (emotion, plutchik, spectrum, intensity, every social attribute that varies). */
  sample: CrowdSample;
  /** The persona index of each estimate, aligned with `sample.values`. */
  personaIndex: number[];
  /** The replicate of each estimate, aligned with `sample.values`. */
  replicate: number[];
  /** Each answer's intensity scale and level, for `intensityTrends`. */
  scales: IntensityScales;
  /** The answers that went through the conduct check (runs with `--conduct`), for `summarizeConduct`. */
  conduct: ConductRow[];
}

/**
 * The answers with a number of one round (of one item), in slot order (replicate, then persona
 * position), as a `CrowdSample` with confidences and group labels: `emotion` (the label at the
 * time of the answer), `plutchik` (its Plutchik primary), `spectrum` (BEAM), `intensity` (the
 * intensity the persona was given, signed for BEAM: the swept variable, not where later rounds
 * moved it) and each social attribute. Dimensions
 * with a single label are left out; `groupBy` keeps only the dimensions it names.
 *
 * @param state - the round's answers
 * @param personas - the run's crowd (slot % count is the persona's position)
 * @param groupBy - dimensions to keep (default all that vary)
 * @returns the sample, and the persona and replicate of each estimate
 */
export function roundSample(
  state: RoundState | undefined,
  personas: PersonaList,
  groupBy?: readonly string[],
): RoundSample {
  const values: number[] = [];
  const confidence: (number | undefined)[] = [];
  const personaIndex: number[] = [];
  const replicate: number[] = [];
  const groups: Record<string, string[]> = { emotion: [], plutchik: [], spectrum: [], intensity: [] };
  const scales: IntensityScales = { scales: [], levels: [], labels: [] };
  const conduct: ConductRow[] = [];
  // entries() runs in ascending slot order: no copy, no sort, whatever the crowd's size.
  for (const [slot, lite] of state ? state.entries() : []) {
    if (lite.status !== 'ok' || lite.estimate === undefined) continue;
    const persona = personas.at(slot % personas.count);
    values.push(lite.estimate);
    confidence.push(lite.confidence);
    personaIndex.push(persona.index);
    replicate.push(Math.floor(slot / personas.count));
    const emotion = lite.emotion ?? persona.emotion?.label ?? 'none';
    (groups.emotion as string[]).push(emotion);
    (groups.plutchik as string[]).push(plutchikOf(emotion, persona.emotion?.model));
    const scale = persona.emotion === undefined ? undefined : intensityScaleOf(persona.emotion);
    (groups.spectrum as string[]).push(persona.emotion?.spectrum ?? 'none');
    (groups.intensity as string[]).push(scale === undefined ? 'none' : formatIntensity(scale.level));
    scales.scales.push(scale?.scale);
    scales.levels.push(scale?.level);
    scales.labels.push(persona.emotion?.label);
    if (lite.conduct !== undefined) {
      const { verdict, virtue, vice, revised, originalEstimate } = lite.conduct;
      const row: ConductRow = {
        estimate: lite.estimate,
        verdict,
        virtue,
        vice,
        revised,
        originalEstimate,
        emotion,
      };
      if (persona.emotion?.spectrum !== undefined) {
        row.spectrum = persona.emotion.spectrum;
        row.level = persona.emotion.signedIntensity;
        row.word = persona.emotion.label;
      }
      conduct.push(row);
    }
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
  return { sample: { values, confidence, groups: usedGroups }, personaIndex, replicate, scales, conduct };
}

function plutchikOf(label: string, model: string | undefined): string {
  if (model === 'plutchik') return label;
  if (model === 'beam') return beamToPlutchik(label)?.emotion ?? 'none';
  if (!isGoEmotionLabel(label)) return 'none';
  const mapped = goEmotionToPlutchik(label as GoEmotionLabel);
  return mapped ? mapped.emotion : 'none';
}
