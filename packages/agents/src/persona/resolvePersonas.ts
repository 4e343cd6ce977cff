import { existsSync } from 'node:fs';
import type { Rng } from '@emocrowd/models';
import type { EmotionModel } from '../emotion/EmotionState.js';
import type { BuiltInSpaceOptions } from './builtInEmotions.js';
import { type Condition, showsEmotion, showsSocial } from './Condition.js';
import { defaultSpace } from './defaultSpace.js';
import { loadPersonaSpaceFile } from './loadPersonaSpaceFile.js';
import type { Persona } from './Persona.js';
import { type PersonaSpace, samplePositions } from './PersonaSpace.js';
import { paperSpace } from './paperSpace.js';

/** The personas a run asks: a space, the condition, and which of its personas in which order. */
export interface PersonaSelection {
  /** The (possibly emotion-filtered) space the personas come from. */
  readonly space: PersonaSpace;
  readonly condition: Condition;
  /** Number of personas selected. */
  readonly count: number;
  /** The i-th selected persona, O(1). */
  at(i: number): Persona;
  /** The selected personas in order, lazily. */
  [Symbol.iterator](): Iterator<Persona>;
}

/** Options of {@link resolvePersonas}. */
export interface ResolvePersonasOptions {
  /** Keep only these emotion labels, or BEAM spectra (`--emotions joy,anger`, `--emotions sadness-joy`). */
  emotions?: readonly string[];
  /** The emotion vocabulary of the built-in spaces (`--emotion-model`); not for persona files. */
  emotionModel?: EmotionModel;
  /** An intensity sweep of the built-in spaces (`--intensities`); not for persona files. */
  intensities?: readonly number[];
  condition: Condition;
  /** Stream for sampling `N` personas (fork it from the run's RNG). */
  rng: Rng;
}

/**
 * Resolves `--personas N|all|paper|FILE` to a selection.
 *
 * Behaviour:
 * 1. `N` (a positive integer, number or string): N distinct personas sampled with `rng` from the
 *    default space; N above the space size is an error (ask with replicates instead).
 * 2. `all`: every persona of the default space, in order.
 * 3. `paper`: every persona of the 15,064-persona paper space, in order.
 * 4. anything else: a JSON / YAML persona file; every persona in it, in order.
 * 5. `emotionModel` and `intensities` reword the built-in spaces' emotions (see
 *    builtInEmotions); a persona file sets its own (`emotions.model`, `emotions.intensity`), so
 *    giving them with a file is a RangeError naming the flag.
 * 6. `emotions` filters the space first (unknown labels throw RangeError); for BEAM emotions a
 *    spectrum id keeps all of its levels.
 * 7. Throws when the condition asks for something the personas lack: 'emotion' needs personas
 *    with an emotion, 'social' needs personas with attributes.
 *
 * @param spec - the flag value
 * @param opts - filter, condition and RNG
 * @returns the selection
 */
export function resolvePersonas(spec: string | number, opts: ResolvePersonasOptions): PersonaSelection {
  const text = String(spec).trim();
  let space: PersonaSpace;
  let positions: readonly number[] | undefined;
  const numeric = /^\d+$/.test(text);
  const builtIn: BuiltInSpaceOptions = {
    ...(opts.emotionModel ? { emotionModel: opts.emotionModel } : {}),
    ...(opts.intensities ? { intensities: opts.intensities } : {}),
  };
  if (numeric || text === 'all') space = defaultSpace(builtIn);
  else if (text === 'paper') space = paperSpace(builtIn);
  else if (text.length > 0 && (existsSync(text) || /\.(ya?ml|json)$/i.test(text))) {
    const flag = opts.intensities ? '--intensities' : opts.emotionModel ? '--emotion-model' : undefined;
    if (flag !== undefined)
      throw new RangeError(
        `${flag} applies to the built-in spaces; a persona file sets its own emotions.${flag === '--intensities' ? 'intensity' : 'model'}`,
      );
    space = loadPersonaSpaceFile(text);
  } else throw new RangeError(`--personas expects a number, "all", "paper" or a persona file, got "${text}"`);

  if (opts.emotions !== undefined && opts.emotions.length > 0) space = space.filterEmotions(opts.emotions);
  if (numeric) {
    const n = Number(text);
    if (n <= 0) throw new RangeError('--personas N needs N >= 1');
    if (n > space.count) {
      // Sampling beyond the space would ask the same persona (same id, same seed) twice.
      throw new RangeError(
        `--personas ${n}: the space "${space.name}" has ${space.count} personas; ask fewer, use --replicates to ask each several times, or a larger persona space file`,
      );
    }
    positions = samplePositions(space.count, n, opts.rng);
  }
  const probe = space.count > 0 ? space.at(0) : undefined;
  if (probe !== undefined) {
    if (!showsSocial(opts.condition) && probe.emotion === undefined) {
      throw new RangeError(
        `condition "emotion" needs personas with an emotion; space "${space.name}" has none`,
      );
    }
    if (!showsEmotion(opts.condition) && Object.keys(probe.attributes).length === 0) {
      throw new RangeError(
        `condition "social" needs personas with social attributes; space "${space.name}" has none`,
      );
    }
  }
  return selection(space, opts.condition, positions);
}

function selection(
  space: PersonaSpace,
  condition: Condition,
  positions: readonly number[] | undefined,
): PersonaSelection {
  const count = positions?.length ?? space.count;
  const at = (i: number): Persona => {
    if (positions === undefined) return space.at(i);
    const p = positions[i];
    if (p === undefined) throw new RangeError(`selection position ${i} is outside 0..${count - 1}`);
    return space.at(p);
  };
  return {
    space,
    condition,
    count,
    at,
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield at(i);
    },
  };
}
