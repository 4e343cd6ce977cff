import {
  BEAM_SPECTRA,
  type BeamSpectrumId,
  beamWord,
  isBeamSpectrumId,
  parseBeamWord,
} from './beamSpectra.js';
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
export type EmotionModel = 'goemotions' | 'plutchik' | 'beam';

/** The emotion models, in the order help texts list them. */
export const EMOTION_MODELS: readonly EmotionModel[] = ['goemotions', 'plutchik', 'beam'];

/**
 * A persona's emotion as plain data.
 *
 * `label` is a GoEmotions label (model 'goemotions'), one of the 24 words of Plutchik's wheel
 * such as "serenity" or "rage" (model 'plutchik'), or one of the 49 words of the BEAM spectra
 * such as "pensiveness" or "heroism" (model 'beam'). `valence` and `arousal` are in [-1, 1],
 * `intensity` in [0, 1]. A BEAM state also names its `spectrum` and its `signedIntensity` in
 * [-1, 1] (negative pole to positive pole); its `intensity` is |signedIntensity|.
 */
export interface EmotionState {
  model: EmotionModel;
  label: string;
  intensity: number;
  valence: number;
  arousal: number;
  /** BEAM only: the spectrum, e.g. "sadness-joy". */
  spectrum?: BeamSpectrumId;
  /** BEAM only: the position on the spectrum, -1 (negative pole) to +1 (positive pole). */
  signedIntensity?: number;
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
 * 3. model 'beam': `label` is a BEAM word ("pensiveness") or a spectrum id ("sadness-joy");
 *    `intensity` is then the SIGNED level in [-1, 1] (clamped); a word fixes it unless one is
 *    given, a spectrum id defaults to 0, and the stored label is the word of the final level.
 * 4. Throws RangeError for an unknown label.
 *
 * @param label - emotion word
 * @param opts - model and intensity (clamped to [0, 1]; for 'beam' to [-1, 1])
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
  if (model === 'beam') {
    const word = parseBeamWord(label);
    const spectrum = word?.spectrum ?? (isBeamSpectrumId(label) ? label : undefined);
    if (spectrum === undefined) throw new RangeError(`unknown BEAM word or spectrum "${label}"`);
    return beamState(spectrum, opts.intensity ?? word?.signedIntensity ?? 0);
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

/**
 * A BEAM state at a signed intensity on a spectrum, labelled with the word of the nearest level.
 *
 * Intuition: the further from the neutral middle, the stronger the feeling; the state takes the
 * valence and arousal of the pole it leans to, scaled by how far it leans (Russell's circumplex,
 * as for the other models): grief (-1 on sadness-joy) sits at sadness' full point, pensiveness
 * (-0.3) at 0.3 of it, the neutral word at the centre.
 *
 * @param spectrum - the spectrum
 * @param signedIntensity - -1 (negative pole) .. +1 (positive pole); clamped
 * @returns the state
 */
export function beamState(spectrum: BeamSpectrumId, signedIntensity: number): EmotionState {
  const s = clamp(signedIntensity, -1, 1);
  const poles = BEAM_SPECTRA[spectrum].poles;
  const pole = s < 0 ? poles.negative : poles.positive;
  const i = Math.abs(s);
  return {
    model: 'beam',
    label: beamWord(spectrum, s),
    intensity: i,
    valence: s === 0 ? 0 : pole.valence * i,
    arousal: s === 0 ? 0 : pole.arousal * i,
    spectrum,
    signedIntensity: Object.is(s, -0) ? 0 : s,
  };
}
