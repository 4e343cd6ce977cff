import type { EmotionState } from './EmotionState.js';
import { parsePlutchikTerm } from './plutchik.js';

/** Where an emotion sits on the scale its intensity is measured along. */
export interface IntensityScale {
  /** What varies in intensity: a BEAM spectrum id, a Plutchik spoke, or a GoEmotions label. */
  scale: string;
  /** The position on it: the signed level for BEAM (-1..1), the intensity (0..1) otherwise. */
  level: number;
}

/**
 * The scale and level of an emotion, for intensity sweeps and their trends.
 *
 * Intuition: "more intense" means different things per model: a BEAM state moves along its
 * spectrum from one pole to the other (pensiveness at -0.3 and ecstasy at +1 are one scale); a
 * Plutchik state moves along its spoke, whose word changes with intensity (serenity, joy,
 * ecstasy are one scale); a GoEmotions label keeps its word and only grows stronger.
 *
 * @param emotion - the state
 * @returns its scale and level
 */
export function intensityScaleOf(emotion: EmotionState): IntensityScale {
  if (emotion.model === 'beam' && emotion.spectrum !== undefined)
    return { scale: emotion.spectrum, level: emotion.signedIntensity ?? 0 };
  if (emotion.model === 'plutchik') {
    const term = parsePlutchikTerm(emotion.label);
    return { scale: term?.emotion ?? emotion.label, level: emotion.intensity };
  }
  return { scale: emotion.label, level: emotion.intensity };
}
