import type { Rng } from '@emocrowd/models';
import { BEAM_LEVELS, isBeamSpectrumId } from '../emotion/beamSpectra.js';
import { createEmotionState, type EmotionModel, type EmotionState } from '../emotion/EmotionState.js';
import { emotionKey, type Persona, personaId } from './Persona.js';

/** One social dimension of a space: an attribute key and the values it ranges over. */
export interface SpaceDimension {
  id: string;
  values: readonly string[];
}

/**
 * The emotion dimension of a space: every label at every intensity.
 *
 * For 'goemotions' and 'plutchik' intensities are in [0, 1] (default: 0.7 for GoEmotions, the
 * ring's for Plutchik terms). For 'beam' they are signed levels in [-1, 1] and labels are
 * spectrum ids or words: a spectrum id without intensities ranges over the seven levels
 * (BEAM_LEVELS), a word without intensities stays at its own level. A list of intensities is an
 * intensity sweep: each label at each intensity, label-major.
 */
export interface SpaceEmotions {
  model: EmotionModel;
  labels: readonly string[];
  /** One intensity for every label, or a sweep over several. */
  intensity?: number | readonly number[];
}

/**
 * How to build a product space: emotion labels x social dimensions, optionally restricted to a
 * selection of social configurations.
 */
export interface PersonaSpaceDefinition {
  name: string;
  description?: string;
  emotions?: SpaceEmotions;
  dimensions: readonly SpaceDimension[];
  /**
   * Positions in the full social factorial (mixed radix over `dimensions`, last dimension
   * fastest) to keep, ascending; all configurations when absent.
   */
  socialSelection?: readonly number[];
}

/**
 * A set of personas addressed by index, never materialised as a whole.
 *
 * Intuition: the paper's crowd has 15,064 personas and benchmarks use a million, so a space is a
 * mixed-radix number system: index -> (emotion, social configuration) in O(1).
 */
export interface PersonaSpace {
  readonly name: string;
  readonly description: string;
  /** Number of personas. */
  readonly count: number;
  /** The distinct emotion labels the space ranges over, in order (empty when it has no emotion). */
  readonly emotionLabels: readonly string[];
  /** The social dimensions (for list spaces: the attribute keys used, values as seen). */
  readonly dimensions: readonly SpaceDimension[];
  /** The persona at a position, 0 <= position < count, O(1). */
  at(position: number): Persona;
  /** Every persona in order, lazily. */
  iterate(): IterableIterator<Persona>;
  /**
   * n personas drawn with `rng`: without replacement when n <= count; for n > count, whole
   * shuffled passes over the space followed by a shuffled partial pass (each persona appears
   * floor(n / count) or ceil(n / count) times).
   */
  sample(n: number, rng: Rng): Persona[];
  /**
   * The sub-space of personas whose emotion label is in `labels`, or, for BEAM emotions, whose
   * spectrum is (indices and ids are kept).
   */
  filterEmotions(labels: readonly string[]): PersonaSpace;
}

/**
 * n positions of [0, count) drawn with `rng`, by a sparse Fisher-Yates shuffle: O(n) time and
 * memory whatever the count (Knuth, TAOCP vol. 2, Algorithm P, stopped after n swaps).
 *
 * @param count - size of the population
 * @param n - how many to draw; beyond count, see {@link PersonaSpace.sample}
 * @param rng - the seeded stream
 * @returns positions in draw order
 */
export function samplePositions(count: number, n: number, rng: Rng): number[] {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`sample size must be a non-negative integer, got ${n}`);
  if (count === 0) {
    if (n === 0) return [];
    throw new RangeError('cannot sample from an empty persona space');
  }
  const out: number[] = [];
  let remaining = n;
  while (remaining > 0) {
    const take = Math.min(remaining, count);
    const swapped = new Map<number, number>();
    for (let i = 0; i < take; i++) {
      const j = i + rng.int(count - i);
      const atJ = swapped.get(j) ?? j;
      swapped.set(j, swapped.get(i) ?? i);
      out.push(atJ);
    }
    remaining -= take;
  }
  return out;
}

/** Product spaces up to this size remember persona ids (about 40 bytes each). */
const ID_CACHE_LIMIT = 1 << 20;

abstract class BaseSpace implements PersonaSpace {
  abstract readonly name: string;
  abstract readonly description: string;
  abstract readonly count: number;
  abstract readonly emotionLabels: readonly string[];
  abstract readonly dimensions: readonly SpaceDimension[];
  abstract at(position: number): Persona;
  abstract filterEmotions(labels: readonly string[]): PersonaSpace;

  *iterate(): IterableIterator<Persona> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  sample(n: number, rng: Rng): Persona[] {
    return samplePositions(this.count, n, rng).map((p) => this.at(p));
  }

  protected checkPosition(position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.count) {
      throw new RangeError(
        `persona position ${position} is outside 0..${this.count - 1} of space "${this.name}"`,
      );
    }
  }

  /** The emotion states of the space, for filtering by label or spectrum. */
  protected abstract emotionStates(): readonly EmotionState[];

  protected checkLabels(labels: readonly string[]): void {
    const states = this.emotionStates();
    const spectra = [...new Set(states.flatMap((e) => (e.spectrum === undefined ? [] : [e.spectrum])))];
    const known = new Set([...this.emotionLabels, ...spectra]);
    const unknown = labels.filter((l) => !known.has(l));
    if (unknown.length > 0) {
      throw new RangeError(
        `unknown emotion${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} for space "${this.name}"; expected some of ${[...spectra, ...this.emotionLabels].join(', ')}`,
      );
    }
  }
}

/** Whether a state is selected by a filter of labels and (for BEAM) spectrum ids. */
function selected(state: EmotionState | undefined, wanted: ReadonlySet<string>): boolean {
  if (state === undefined) return false;
  return wanted.has(state.label) || (state.spectrum !== undefined && wanted.has(state.spectrum));
}

function distinct(labels: readonly string[]): string[] {
  return [...new Set(labels)];
}

class ProductSpace extends BaseSpace {
  readonly name: string;
  readonly description: string;
  readonly count: number;
  readonly emotionLabels: readonly string[];
  readonly dimensions: readonly SpaceDimension[];
  private readonly states: readonly (EmotionState | undefined)[];
  /** Parent emotion position of each local emotion position. */
  private readonly emotionParent: readonly number[];
  private readonly parentEmotionCount: number;
  private readonly socialCount: number;
  private readonly selection: readonly number[] | undefined;
  private readonly radices: readonly number[];

  constructor(
    def: PersonaSpaceDefinition,
    emotionStates: readonly (EmotionState | undefined)[],
    emotionParent: readonly number[],
    parentEmotionCount: number,
  ) {
    super();
    this.name = def.name;
    this.description = def.description ?? '';
    this.dimensions = def.dimensions;
    this.states = emotionStates;
    this.emotionParent = emotionParent;
    this.parentEmotionCount = parentEmotionCount;
    this.emotionLabels = distinct(
      emotionStates.filter((e): e is EmotionState => e !== undefined).map((e) => e.label),
    );
    this.radices = def.dimensions.map((d) => d.values.length);
    const factorial = this.radices.reduce((a, b) => a * b, 1);
    this.selection = def.socialSelection;
    if (this.selection !== undefined) {
      for (const s of this.selection) {
        if (!Number.isInteger(s) || s < 0 || s >= factorial)
          throw new RangeError(`social selection ${s} is outside 0..${factorial - 1}`);
      }
    }
    this.socialCount = this.selection?.length ?? factorial;
    this.count = emotionStates.length * this.socialCount;
    this.definition = def;
  }

  private readonly definition: PersonaSpaceDefinition;
  /** Persona ids by position, filled as asked (spaces up to ID_CACHE_LIMIT personas). */
  private ids: string[] | undefined;

  /** The id of the persona at `position`: hashed once, then remembered (runs ask each persona many times). */
  private idAt(
    position: number,
    emotion: EmotionState | undefined,
    attributes: Record<string, string>,
  ): string {
    if (this.count > ID_CACHE_LIMIT) return personaId(emotion, attributes);
    this.ids ??= new Array<string>(this.count);
    let id = this.ids[position];
    if (id === undefined) {
      id = personaId(emotion, attributes);
      this.ids[position] = id;
    }
    return id;
  }

  at(position: number): Persona {
    this.checkPosition(position);
    const e = Math.floor(position / this.socialCount);
    const s = position - e * this.socialCount;
    let config = this.selection === undefined ? s : (this.selection[s] as number);
    const digits: number[] = new Array(this.dimensions.length);
    for (let d = this.dimensions.length - 1; d >= 0; d--) {
      const radix = this.radices[d] as number;
      const v = config % radix;
      config = (config - v) / radix;
      digits[d] = v;
    }
    // Attributes in dimension order, so prompts list them in the order the space declares.
    const attributes: Record<string, string> = {};
    this.dimensions.forEach((dim, d) => {
      attributes[dim.id] = dim.values[digits[d] as number] as string;
    });
    const emotion = this.states[e];
    const index = (this.emotionParent[e] as number) * this.socialCount + s;
    const persona: Persona = { id: this.idAt(position, emotion, attributes), index, attributes };
    if (emotion !== undefined) persona.emotion = emotion;
    return persona;
  }

  protected emotionStates(): readonly EmotionState[] {
    return this.states.filter((e): e is EmotionState => e !== undefined);
  }

  filterEmotions(labels: readonly string[]): PersonaSpace {
    this.checkLabels(labels);
    const wanted = new Set(labels);
    const states: (EmotionState | undefined)[] = [];
    const parents: number[] = [];
    this.states.forEach((state, i) => {
      if (selected(state, wanted)) {
        states.push(state);
        parents.push(this.emotionParent[i] as number);
      }
    });
    return new ProductSpace(
      { ...this.definition, name: `${this.name}[${labels.join(',')}]` },
      states,
      parents,
      this.parentEmotionCount,
    );
  }
}

class ListSpace extends BaseSpace {
  readonly name: string;
  readonly description: string;
  readonly count: number;
  readonly emotionLabels: readonly string[];
  readonly dimensions: readonly SpaceDimension[];
  private readonly personas: readonly Persona[];

  constructor(name: string, description: string, personas: readonly Persona[]) {
    super();
    this.name = name;
    this.description = description;
    this.personas = personas;
    this.count = personas.length;
    this.emotionLabels = distinct(personas.flatMap((p) => (p.emotion ? [p.emotion.label] : [])));
    const dims = new Map<string, Set<string>>();
    for (const p of personas) {
      for (const [k, v] of Object.entries(p.attributes)) {
        const set = dims.get(k) ?? new Set<string>();
        set.add(v);
        dims.set(k, set);
      }
    }
    this.dimensions = [...dims].map(([id, values]) => ({ id, values: [...values] }));
  }

  at(position: number): Persona {
    this.checkPosition(position);
    return this.personas[position] as Persona;
  }

  protected emotionStates(): readonly EmotionState[] {
    return this.personas.flatMap((p) => (p.emotion ? [p.emotion] : []));
  }

  filterEmotions(labels: readonly string[]): PersonaSpace {
    this.checkLabels(labels);
    const wanted = new Set(labels);
    return new ListSpace(
      `${this.name}[${labels.join(',')}]`,
      this.description,
      this.personas.filter((p) => selected(p.emotion, wanted)),
    );
  }
}

/**
 * Builds a product space: every emotion label x every (selected) social configuration.
 *
 * Behaviour:
 * 1. Position p maps to emotion p div S and social configuration p mod S (S = number of social
 *    configurations); the configuration decodes mixed-radix over `dimensions`, last fastest.
 * 2. Without emotions the space is the social configurations alone; without dimensions it is
 *    the emotions alone (attributes {}).
 * 3. The emotions are every label at every intensity (see {@link SpaceEmotions}), label-major.
 * 4. Throws RangeError for unknown labels, an emotion listed twice (the same label and
 *    intensity, however written), empty or duplicate values, duplicate dimension ids and a
 *    selection outside the factorial.
 *
 * @param def - the definition
 * @returns the space
 */
export function createPersonaSpace(def: PersonaSpaceDefinition): PersonaSpace {
  const ids = new Set<string>();
  for (const dim of def.dimensions) {
    if (ids.has(dim.id)) throw new RangeError(`dimension "${dim.id}" appears twice in space "${def.name}"`);
    if (dim.id === 'emotion') throw new RangeError('"emotion" is reserved for the emotion dimension');
    ids.add(dim.id);
    if (dim.values.length === 0)
      throw new RangeError(`dimension "${dim.id}" of space "${def.name}" has no values`);
    if (new Set(dim.values).size !== dim.values.length)
      throw new RangeError(`dimension "${dim.id}" has duplicate values`);
  }
  const states: (EmotionState | undefined)[] =
    def.emotions === undefined ? [undefined] : emotionStatesOf(def.name, def.emotions);
  return new ProductSpace(
    def,
    states,
    states.map((_, i) => i),
    states.length,
  );
}

/**
 * The emotion states of a space definition: every label at every intensity, label-major.
 *
 * @param space - the space's name, for errors
 * @param emotions - model, labels, intensities
 * @returns the states, each distinct
 */
function emotionStatesOf(space: string, emotions: SpaceEmotions): EmotionState[] {
  const model = emotions.model;
  const given = emotions.intensity;
  const states = emotions.labels.flatMap((label) => {
    const levels =
      given === undefined
        ? model === 'beam' && isBeamSpectrumId(label)
          ? BEAM_LEVELS
          : [undefined]
        : typeof given === 'number'
          ? [given]
          : given;
    return levels.map((intensity) =>
      createEmotionState(label, intensity === undefined ? { model } : { model, intensity }),
    );
  });
  const seen = new Set<string>();
  for (const state of states) {
    const key = emotionKey(state);
    if (seen.has(key)) throw new RangeError(`space "${space}" lists the emotion ${key} twice`);
    seen.add(key);
  }
  return states;
}

/**
 * Builds a space from explicit personas (e.g. a persona file); positions are list positions and
 * each persona's `index` is its position.
 *
 * @param name - space name
 * @param personas - emotion and attributes of each persona
 * @param description - optional description
 * @returns the space
 */
export function createPersonaListSpace(
  name: string,
  personas: readonly { emotion?: EmotionState; attributes: Readonly<Record<string, string>> }[],
  description = '',
): PersonaSpace {
  return new ListSpace(
    name,
    description,
    personas.map((p, index) => {
      const persona: Persona = {
        id: personaId(p.emotion, p.attributes),
        index,
        attributes: { ...p.attributes },
      };
      if (p.emotion !== undefined) persona.emotion = p.emotion;
      return persona;
    }),
  );
}
