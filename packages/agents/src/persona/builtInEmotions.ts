import { GOEMOTIONS_LABELS } from '@emocrowd/models';
import { BEAM_SPECTRUM_IDS } from '../emotion/beamSpectra.js';
import type { EmotionModel } from '../emotion/EmotionState.js';
import { PLUTCHIK_EMOTIONS, PLUTCHIK_WHEEL } from '../emotion/plutchik.js';
import type { SpaceEmotions } from './PersonaSpace.js';

/** How the built-in spaces (`default`, `paper`) word their emotion dimension. */
export interface BuiltInSpaceOptions {
  /** The emotion vocabulary (default 'goemotions', the space as published). */
  emotionModel?: EmotionModel;
  /**
   * An intensity sweep: every emotion at each of these intensities ([0, 1]; for 'beam' the
   * signed levels in [-1, 1]). Default: the model's own (0.7 for GoEmotions, the ring's for
   * Plutchik terms, the seven levels of each BEAM spectrum).
   */
  intensities?: readonly number[];
}

/**
 * The emotion dimension of a built-in space for an emotion model.
 *
 * Behaviour:
 * 1. 'goemotions': the 28 labels (each at each intensity when a sweep is given).
 * 2. 'plutchik': the 24 terms of the wheel at their rings' intensities; with a sweep, the eight
 *    basic emotions at each intensity (worded by ring: joy at 0.3 is serenity).
 * 3. 'beam': the seven spectra, each at the seven levels or at the swept ones.
 * 4. Intensities must be finite, distinct and in [0, 1] ([-1, 1] for 'beam'); otherwise a
 *    RangeError naming `--intensities`.
 *
 * @param options - model and sweep
 * @returns the space's emotions
 */
export function builtInEmotions(options: BuiltInSpaceOptions = {}): SpaceEmotions {
  const model = options.emotionModel ?? 'goemotions';
  const intensities = options.intensities;
  if (intensities !== undefined) checkIntensities(intensities, model);
  const labels: readonly string[] =
    model === 'goemotions'
      ? GOEMOTIONS_LABELS
      : model === 'beam'
        ? BEAM_SPECTRUM_IDS
        : intensities === undefined
          ? PLUTCHIK_EMOTIONS.flatMap((e) => PLUTCHIK_WHEEL[e].terms)
          : PLUTCHIK_EMOTIONS;
  return intensities === undefined ? { model, labels } : { model, labels, intensity: intensities };
}

/**
 * Checks a sweep: non-empty, finite, distinct, in [0, 1] or, for BEAM, [-1, 1].
 *
 * @param intensities - the sweep
 * @param model - the emotion model
 */
export function checkIntensities(intensities: readonly number[], model: EmotionModel): void {
  const lo = model === 'beam' ? -1 : 0;
  if (intensities.length === 0) throw new RangeError('--intensities: give at least one intensity');
  for (const value of intensities) {
    if (!Number.isFinite(value) || value < lo || value > 1) {
      throw new RangeError(
        `--intensities: ${value} is outside ${lo} to 1${model === 'beam' ? ' (BEAM levels are signed: -1 is the negative pole, +1 the positive)' : ` (use --emotion-model beam for signed levels)`}`,
      );
    }
  }
  if (new Set(intensities).size !== intensities.length)
    throw new RangeError('--intensities: each intensity once, please');
}

/**
 * The name suffix of a built-in space for its emotion options: "" for GoEmotions at its own
 * intensity (the spaces as published), else "-plutchik" / "-beam" and "@<sweep>".
 *
 * @param options - model and sweep
 * @returns the suffix
 */
export function builtInSuffix(options: BuiltInSpaceOptions = {}): string {
  const model = options.emotionModel ?? 'goemotions';
  const sweep = options.intensities === undefined ? '' : `@${options.intensities.join(',')}`;
  return `${model === 'goemotions' ? '' : `-${model}`}${sweep}`;
}
