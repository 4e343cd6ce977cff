import { GOEMOTION_TO_BEAM } from './beamMapping.js';
import { beamState, createEmotionState, type EmotionState, plutchikState } from './EmotionState.js';
import type { GoEmotionLabel } from './isGoEmotionLabel.js';
import { parsePlutchikTerm } from './plutchik.js';
import { goEmotionToPlutchik } from './plutchikMapping.js';

/**
 * Something that happens to a persona between rounds.
 *
 * - `feedback`: the persona sees a value from the others (`shown`, e.g. the crowd's mean) next
 *   to its own estimate (`own`).
 * - `decay`: time passes without news.
 */
export type EmotionEvent =
  | { kind: 'feedback'; own: number; shown: number }
  | { kind: 'decay'; steps?: number };

/** Tunable constants of {@link updateEmotion}. */
export interface EmotionUpdateOptions {
  /** Share of intensity kept per step (default 0.8). */
  decay?: number;
  /** Relative gap below which answers count as agreement (default 0.1 = within about 10 %). */
  agreeBelow?: number;
  /** Relative gap from which a disagreement is large (default 0.5). */
  largeFrom?: number;
}

/**
 * The relative gap between two estimates: |ln(shown / own)| when both are positive
 * (scale-free, symmetric: 2x too high and 2x too low are both ln 2), else
 * |shown - own| / max(|own|, |shown|).
 *
 * @param own - the persona's estimate
 * @param shown - the value shown
 * @returns the gap, 0 for equal values
 */
export function relativeGap(own: number, shown: number): number {
  if (own === shown) return 0;
  if (own > 0 && shown > 0) return Math.abs(Math.log(shown / own));
  return Math.abs(shown - own) / Math.max(Math.abs(own), Math.abs(shown));
}

/**
 * Updates an emotion after an event: a pure function (same input -> same output, no mutation).
 *
 * Intuition: feelings fade, and news about others' opinions stirs new ones. Seeing the crowd
 * agree with you brings approval (or relief when you were tense); seeing it disagree mildly
 * brings confusion; seeing it disagree strongly brings surprise, or annoyance when you were
 * already in a negative mood. A stronger new feeling replaces a fading old one. This mirrors
 * appraisal accounts in which discrepancy from expectation drives surprise and arousal
 * (Reisenzein 2000, "Exploring the strength of association between the components of emotion
 * syndromes: the case of surprise", Cognition & Emotion 14:1) and, for the update shape, the
 * decay-plus-stimulus dynamics common in emotional agent models (e.g. Gratch & Marsella 2004,
 * EMA). The thresholds and constants are this project's choices.
 *
 * Behaviour:
 * 1. The old intensity decays: i' = i * decay^steps (one step for feedback).
 * 2. `decay`: the label stays; valence and arousal shrink with intensity.
 * 3. `feedback`: gap g = {@link relativeGap}(own, shown).
 *    - g < agreeBelow: target 'relief' if the old state had arousal > 0.3 and valence < 0, else
 *      'approval'; stimulus strength s = 0.5.
 *    - agreeBelow <= g < largeFrom: target 'confusion', s = 0.4 + 0.4 * (g - agreeBelow) / (largeFrom - agreeBelow).
 *    - g >= largeFrom: target 'annoyance' if old valence < 0, else 'surprise'; s = min(1, 0.8 + 0.2 * g).
 *    If s > i' the state switches to the target at intensity s; otherwise the old label stays at i'.
 * 4. Plutchik states move on the wheel: the target is mapped with goEmotionToPlutchik.
 * 5. BEAM states move on the spectra: the target is placed with GOEMOTION_TO_BEAM (approval ->
 *    distrust-trust, positive; surprise -> disinterest-fascination, positive; annoyance ->
 *    anger-peace, negative) at |signed intensity| = s; a target without a place (relief,
 *    confusion) keeps the spectrum and the side, at strength s. Decay shrinks the signed
 *    intensity towards the neutral word.
 *
 * @param state - the current emotion
 * @param event - what happened
 * @param opts - constants
 * @returns the new state
 */
export function updateEmotion(
  state: EmotionState,
  event: EmotionEvent,
  opts: EmotionUpdateOptions = {},
): EmotionState {
  const decay = opts.decay ?? 0.8;
  const agreeBelow = opts.agreeBelow ?? 0.1;
  const largeFrom = opts.largeFrom ?? 0.5;
  const steps = event.kind === 'decay' ? (event.steps ?? 1) : 1;
  const faded = state.intensity * decay ** steps;

  if (event.kind === 'feedback') {
    const gap = relativeGap(event.own, event.shown);
    let target: GoEmotionLabel;
    let strength: number;
    if (gap < agreeBelow) {
      target = state.arousal > 0.3 && state.valence < 0 ? 'relief' : 'approval';
      strength = 0.5;
    } else if (gap < largeFrom) {
      target = 'confusion';
      strength = 0.4 + (0.4 * (gap - agreeBelow)) / (largeFrom - agreeBelow);
    } else {
      target = state.valence < 0 ? 'annoyance' : 'surprise';
      strength = Math.min(1, 0.8 + 0.2 * gap);
    }
    if (strength > faded) return withLabel(state, target, strength);
  }
  return withIntensity(state, faded);
}

function withLabel(state: EmotionState, target: GoEmotionLabel, intensity: number): EmotionState {
  if (state.model === 'goemotions') return createEmotionState(target, { intensity });
  if (state.model === 'beam') {
    const place = GOEMOTION_TO_BEAM[target];
    return place === null
      ? withIntensity(state, intensity)
      : beamState(place.spectrum, Math.sign(place.signedIntensity) * intensity);
  }
  const spoke = goEmotionToPlutchik(target);
  return spoke === null ? withIntensity(state, intensity) : plutchikState(spoke.emotion, intensity);
}

function withIntensity(state: EmotionState, intensity: number): EmotionState {
  if (state.model === 'goemotions') return createEmotionState(state.label, { intensity });
  if (state.model === 'beam' && state.spectrum !== undefined)
    return beamState(state.spectrum, Math.sign(state.signedIntensity ?? 0) * intensity);
  const term = parsePlutchikTerm(state.label);
  return term === undefined ? { ...state, intensity } : plutchikState(term.emotion, intensity);
}
