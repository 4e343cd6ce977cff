import type { EmotionState } from '../emotion/EmotionState.js';
import { beamPlace } from './beamPlace.js';

/**
 * Words an emotion state for a prompt, by intensity.
 *
 * Intuition: an LLM reads words, not numbers, so intensity becomes a qualifier: GoEmotions
 * labels below 0.34 are "mild", from 0.67 "intense" (thirds of the scale); Plutchik terms
 * already name their intensity (serenity / joy / ecstasy) and are used as they are. A BEAM word
 * is given with its place on its spectrum, because the spectrum is what gives the word its
 * meaning there ("surprise" is the neutral middle of sadness-joy): the nearest level's
 * position is worded as "the extreme <pole> end" (|level| 1), "strongly toward <pole>" (0.6),
 * "mildly toward <pole>" (0.3) or "the neutral midpoint" (0).
 *
 * @param emotion - the state
 * @returns one sentence, e.g. "You are feeling intense anger." or "You are feeling pensiveness:
 *   mildly toward sadness on the spectrum from sadness to joy."
 */
export function describeEmotion(emotion: EmotionState): string {
  if (emotion.model === 'beam' && emotion.spectrum !== undefined)
    return `You are feeling ${emotion.label}: ${beamPlace(emotion.spectrum, emotion.signedIntensity ?? 0)}.`;
  if (emotion.label === 'neutral') return 'You are feeling calm and emotionally neutral.';
  if (emotion.model === 'plutchik') return `You are feeling ${emotion.label}.`;
  const qualifier = emotion.intensity < 0.34 ? 'mild ' : emotion.intensity >= 0.67 ? 'intense ' : '';
  return `You are feeling ${qualifier}${emotion.label}.`;
}
