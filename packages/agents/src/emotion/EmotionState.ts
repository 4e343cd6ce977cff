import { GOEMOTIONS_CIRCUMPLEX } from './circumplex.js';
import { isGoEmotionLabel } from './isGoEmotionLabel.js';
import {
  PLUTCHIK_EMOTIONS,
  PLUTCHIK_LEVEL_INTENSITY,
  PLUTCHIK_WHEEL,
  type PlutchikEmotion,
  parsePlutchikTerm,
  plutchikLevel,
} from './plutchik.js';

/** Which emotion vocabulary a state uses. */
export type EmotionModel = 'goemotions' | 'plutchik';

/**
 * A persona's emotion as plain data.
 *
 * `label` is a GoEmotions label (model 'goemotions') or one of the 24 words of Plutchik's wheel
 * such as "serenity" or "rage" (model 'plutchik'). `valence` and `arousal` are in [-1, 1],
 * `intensity` in [0, 1].
 */
export interface EmotionState {
  model: EmotionModel;
  label: string;
  intensity: number;
  valence: number;
  arousal: number;
}

/** Intensity used when none is given for a GoEmotions label. */
export const DEFAULT_EMOTION_INTENSITY = 0.7;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/**
 * Builds an emotion state from a label.
 *
 * Intuition: on Russell's circumplex the distance from the neutral centre is intensity, so the
 * state's valence and arousal are the label's full-intensity point scaled by intensity.
 *
 * Behaviour:
 * 1. model 'goemotions' (default): `label` must be one of the 28 labels; intensity defaults to 0.7.
 * 2. model 'plutchik': `label` is a wheel term ("serenity") or a basic emotion name ("joy");
 *    a term fixes the intensity (low 0.35, basic 0.65, high 0.95) unless one is given, and the
 *    stored label is the term matching the final intensity.
 * 3. Throws RangeError for an unknown label.
 *
 * @param label - emotion word
 * @param opts - model and intensity (clamped to [0, 1])
 * @returns the state
 */
export function createEmotionState(
  label: string,
  opts: { model?: EmotionModel; intensity?: number } = {},
): EmotionState {
  const model = opts.model ?? 'goemotions';
  if (model === 'goemotions') {
    if (!isGoEmotionLabel(label)) throw new RangeError(`unknown GoEmotions label "${label}"`);
    const intensity = clamp(opts.intensity ?? DEFAULT_EMOTION_INTENSITY, 0, 1);
    const point = GOEMOTIONS_CIRCUMPLEX[label];
    return {
      model,
      label,
      intensity,
      valence: point.valence * intensity,
      arousal: point.arousal * intensity,
    };
  }
  const term = parsePlutchikTerm(label);
  const basic = (PLUTCHIK_EMOTIONS as readonly string[]).includes(label)
    ? (label as PlutchikEmotion)
    : undefined;
  const emotion = term?.emotion ?? basic;
  if (emotion === undefined) throw new RangeError(`unknown Plutchik emotion "${label}"`);
  const intensity = clamp(opts.intensity ?? PLUTCHIK_LEVEL_INTENSITY[term?.level ?? 1], 0, 1);
  return plutchikState(emotion, intensity);
}

/**
 * A Plutchik state for a spoke at an intensity, labelled with the ring's term.
 *
 * @param emotion - basic emotion
 * @param intensity - 0..1
 * @returns the state
 */
export function plutchikState(emotion: PlutchikEmotion, intensity: number): EmotionState {
  const spoke = PLUTCHIK_WHEEL[emotion];
  const i = clamp(intensity, 0, 1);
  return {
    model: 'plutchik',
    label: spoke.terms[plutchikLevel(i)],
    intensity: i,
    valence: spoke.circumplex.valence * i,
    arousal: spoke.circumplex.arousal * i,
  };
}
