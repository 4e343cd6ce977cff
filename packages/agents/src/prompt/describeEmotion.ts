import type { EmotionState } from '../emotion/EmotionState.js';

/**
 * Words an emotion state for a prompt, by intensity.
 *
 * Intuition: an LLM reads words, not numbers, so intensity becomes a qualifier: GoEmotions
 * labels below 0.34 are "mild", from 0.67 "intense" (thirds of the scale); Plutchik terms
 * already name their intensity (serenity / joy / ecstasy) and are used as they are.
 *
 * @param emotion - the state
 * @returns one sentence, e.g. "You are feeling intense anger."
 */
export function describeEmotion(emotion: EmotionState): string {
  if (emotion.label === 'neutral') return 'You are feeling calm and emotionally neutral.';
  if (emotion.model === 'plutchik') return `You are feeling ${emotion.label}.`;
  const qualifier = emotion.intensity < 0.34 ? 'mild ' : emotion.intensity >= 0.67 ? 'intense ' : '';
  return `You are feeling ${qualifier}${emotion.label}.`;
}
