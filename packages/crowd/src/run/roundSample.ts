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
import type { ConductLite, RoundState } from './RoundState.js';

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
  personaIndex: Int32Array;
  /** The replicate of each estimate, aligned with `sample.values`. */
  replicate: Int32Array;
  /**
   * Each answer's intensity scale and level, for `intensityTrends`; undefined when no scale was
   * given two levels (no trend to draw).
   */
  scales: IntensityScales | undefined;
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
  // Every column is sized once to the answers with a number: no growth, no per-answer objects.
  const n = state?.estimateCount ?? 0;
  const values = new Array<number>(n);
  const confidence = new Array<number | undefined>(n);
  const personaIndex = new Int32Array(n);
  const replicate = new Int32Array(n);
  const columns = new LabelColumns(n);
  const levels = new ScaleLevels();
  const conduct: ConductRow[] = [];
  const positions = new PositionCache(personas);
  let j = 0;
  state?.forEachEstimate((slot, estimate, conf, answerEmotion, check) => {
    const position = positions.at(slot % personas.count);
    values[j] = estimate;
    confidence[j] = conf;
    personaIndex[j] = position.index;
    replicate[j] = Math.floor(slot / personas.count);
    const emotion = answerEmotion ?? position.label ?? 'none';
    columns.set(EMOTION, j, emotion);
    columns.set(PLUTCHIK, j, positions.plutchik(emotion, position.model));
    columns.set(SPECTRUM, j, position.spectrum);
    columns.set(INTENSITY, j, position.intensity);
    columns.setAttributes(j, position.attributes);
    levels.add(position);
    if (check !== undefined) conduct.push(conductRow(estimate, emotion, check, position));
    j++;
  });
  const groups = columns.varying(groupBy);
  const scales = levels.varies() ? intensityScales(state as RoundState, personas, positions, n) : undefined;
  return { sample: { values, confidence, groups }, personaIndex, replicate, scales, conduct };
}

/** Each answer's intensity scale, level and emotion word, aligned with the sample's values. */
function intensityScales(
  state: RoundState,
  personas: PersonaList,
  positions: PositionCache,
  n: number,
): IntensityScales {
  const scales: IntensityScales = { scales: new Array(n), levels: new Array(n), labels: new Array(n) };
  let j = 0;
  state.forEachEstimate((slot) => {
    const position = positions.at(slot % personas.count);
    scales.scales[j] = position.scale;
    scales.levels[j] = position.level;
    scales.labels[j] = position.label;
    j++;
  });
  return scales;
}

/** Whether some intensity scale was given two levels: without, there is no intensity trend. */
class ScaleLevels {
  private readonly first = new Map<string, number>();
  private two = false;

  add(position: PositionInfo): void {
    const { scale, level } = position;
    if (this.two || scale === undefined || level === undefined || !Number.isFinite(level)) return;
    const seen = this.first.get(scale);
    if (seen === undefined) this.first.set(scale, level);
    else if (seen !== level) this.two = true;
  }

  varies(): boolean {
    return this.two;
  }
}

/** What the sample needs of the persona at one position, computed once per position. */
interface PositionInfo {
  readonly index: number;
  /** The persona's emotion word (undefined without an emotion). */
  readonly label: string | undefined;
  readonly model: string | undefined;
  readonly spectrum: string;
  readonly intensity: string;
  readonly scale: string | undefined;
  readonly level: number | undefined;
  readonly signedIntensity: number | undefined;
  readonly hasSpectrum: boolean;
  readonly attributes: Readonly<Record<string, string>>;
}

/** Persona facts by position (a crowd asked with replicates repeats each position) and Plutchik labels by emotion. */
class PositionCache {
  private readonly infos: (PositionInfo | undefined)[] = [];
  private readonly plutchikLabels = new Map<string, string>();

  constructor(private readonly personas: PersonaList) {}

  at(position: number): PositionInfo {
    const cached = this.infos[position];
    if (cached) return cached;
    const persona = this.personas.at(position);
    const scale = persona.emotion === undefined ? undefined : intensityScaleOf(persona.emotion);
    const info: PositionInfo = {
      index: persona.index,
      label: persona.emotion?.label,
      model: persona.emotion?.model,
      spectrum: persona.emotion?.spectrum ?? 'none',
      intensity: scale === undefined ? 'none' : formatIntensity(scale.level),
      scale: scale?.scale,
      level: scale?.level,
      signedIntensity: persona.emotion?.signedIntensity,
      hasSpectrum: persona.emotion?.spectrum !== undefined,
      attributes: persona.attributes,
    };
    this.infos[position] = info;
    return info;
  }

  plutchik(emotion: string, model: string | undefined): string {
    const key = `${model ?? ''}\u0000${emotion}`;
    let label = this.plutchikLabels.get(key);
    if (label === undefined) {
      label = plutchikOf(emotion, model);
      this.plutchikLabels.set(key, label);
    }
    return label;
  }
}

const EMOTION = 0;
const PLUTCHIK = 1;
const SPECTRUM = 2;
const INTENSITY = 3;

/** One label column: a single label while every row has it, an array from the first other label on. */
interface LabelColumn {
  readonly key: string;
  constant: string;
  column: string[] | undefined;
}

/**
 * The label columns of a sample: emotion, plutchik, spectrum and intensity, then every social
 * attribute in the order first met ('unknown' where a persona lacks it). A column is sized once
 * (to every answer) and only when a second label appears in it: one label is no dimension.
 */
class LabelColumns {
  private readonly columns: LabelColumn[] = ['emotion', 'plutchik', 'spectrum', 'intensity'].map((key) => ({
    key,
    constant: '',
    column: undefined,
  }));
  private readonly attributeKeys: string[] = [];

  constructor(private readonly n: number) {}

  /** Sets the label of `row` (rows in ascending order, every column of a row before the next). */
  set(index: number, row: number, label: string): void {
    const entry = this.columns[index] as LabelColumn;
    if (entry.column !== undefined) entry.column[row] = label;
    else if (row === 0) entry.constant = label;
    else if (label !== entry.constant) {
      entry.column = new Array<string>(this.n).fill(entry.constant, 0, row);
      entry.column[row] = label;
    }
  }

  /** Sets row's social attributes; a key met for the first time had 'unknown' in the rows before. */
  setAttributes(row: number, attributes: Readonly<Record<string, string>>): void {
    for (const key of Object.keys(attributes)) {
      if (this.attributeKeys.includes(key)) continue;
      this.attributeKeys.push(key);
      this.columns.push({ key, constant: 'unknown', column: undefined });
    }
    this.attributeKeys.forEach((key, a) => {
      this.set(
        INTENSITY + 1 + a,
        row,
        Object.hasOwn(attributes, key) ? (attributes[key] as string) : 'unknown',
      );
    });
  }

  /** The columns with more than one label, among those `groupBy` names (default all). */
  varying(groupBy: readonly string[] | undefined): Record<string, string[]> {
    const used: Record<string, string[]> = {};
    for (const { key, column } of this.columns)
      if (column !== undefined && (!groupBy || groupBy.includes(key))) used[key] = column;
    return used;
  }
}

function conductRow(
  estimate: number,
  emotion: string,
  check: ConductLite,
  position: PositionInfo,
): ConductRow {
  const { verdict, virtue, vice, revised, originalEstimate } = check;
  const row: ConductRow = { estimate, verdict, virtue, vice, revised, originalEstimate, emotion };
  if (position.hasSpectrum) {
    row.spectrum = position.spectrum;
    row.level = position.signedIntensity;
    row.word = position.label;
  }
  return row;
}

function plutchikOf(label: string, model: string | undefined): string {
  if (model === 'plutchik') return label;
  if (model === 'beam') return beamToPlutchik(label)?.emotion ?? 'none';
  if (!isGoEmotionLabel(label)) return 'none';
  const mapped = goEmotionToPlutchik(label as GoEmotionLabel);
  return mapped ? mapped.emotion : 'none';
}
