import type { SimulationHints } from '../ModelBackend.js';
import { createRng, type Rng } from '../Rng.js';
import { drawBeta } from './drawBeta.js';
import { type EmotionGroup, emotionGroupOf } from './emotionGroupOf.js';
import { type RoundingMode, roundLikeHuman } from './roundLikeHuman.js';
import { SYNTHETIC_PARAMETERS, type SyntheticParameters } from './syntheticParameters.js';

/** One simulated answer in numbers, before it is put into words. */
export interface SimulatedEstimate {
  /** The persona's emotion group (decides the wording). */
  group: EmotionGroup;
  /** Log bias used for a fresh estimate: ln x = ln T + logBias + logSd * z. */
  logBias: number;
  /** Log standard deviation used for a fresh estimate. */
  logSd: number;
  /** Weight given to the social anchor (0 without one, or when the persona kept its answer). */
  anchorWeight: number;
  /** True when the persona repeated its previous answer unchanged (see the revision rule). */
  kept: boolean;
  /** The latent estimate ln x in the task's unit, before unit confusion and rounding. */
  logEstimate: number;
  /** Confidence in [0.02, 0.98], two decimals. */
  confidence: number;
  /** True when the persona answers in the confusable unit. */
  unitConfused: boolean;
  /** The unit the persona writes: the task's unit, or the confusable one. */
  reportedUnit: string;
  /** How the persona rounded. */
  rounding: RoundingMode;
  /** The number the persona writes, in `reportedUnit`, rounded. */
  value: number;
  /** The same answer in the task's unit (value times the unit factor when confused). */
  estimate: number;
}

const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : Math.min(x, hi));
const clamp01 = (x: number): number => (x > 0 ? Math.min(x, 1) : 0);
const nonNegative = (x: number): number => Math.max(x, 0);

/**
 * Draws one persona's answer to an estimation question from the synthetic generative model.
 *
 * Intuition: people's estimates scatter log-normally around the truth (Lorenz et al. 2011;
 * Kao et al. 2018); knowledge narrows and centres the scatter, emotion tilts and widens it,
 * and seeing others pulls it in. Behaviour (f familiarity, u numeracy, v/a/I valence, arousal,
 * intensity; parameters and sources in syntheticParameters.ts, equations in
 * docs/synthetic-model.md):
 * 1. bias = b0 max(0, 1 + kbf (0.5 - f)) max(0, 1 + kbu (0.5 - u)) - cv v' I + ca a I, where
 *    v' = |v| for the anger group when `angerIsOptimistic` (Lerner & Keltner 2001), else v.
 * 2. sigma = s0 exp(-kf (f - 0.5) - ku (u - 0.5) + ka a I).
 * 3. own = ln T + bias + sigma z, or ln(previousEstimate) + revisionSd z when revising.
 * 4. confidence = clamp(c0 + cf f + cu (u - 0.5) + cv v I [+ social gain] + noise z2, 0.02, 0.98).
 * 5. With a social anchor A: w = clamp(wmin + wc (1 - c) + wa max(0, a) I, wmin, wmax) and
 *    ln x = (1 - w) own + w ln A; else ln x = own.
 * 6. With a confusable unit, with probability p_unit the number is written in that unit.
 * 7. The number is rounded: exact with p_exact(u, c); otherwise coarse with p_coarse(c),
 *    otherwise to a twentieth (share `twentiethShare`) or to two significant figures.
 * Draws always happen in the same order, so equal streams give equal answers.
 *
 * @param hints - the simulation hints; `truth` must be > 0
 * @param rng - the stream to draw from (derived from the call's seed)
 * @param params - model parameters (defaults: SYNTHETIC_PARAMETERS)
 * @returns the simulated answer in numbers
 */
export function simulateEstimate(
  hints: SimulationHints,
  rng: Rng,
  params: Readonly<SyntheticParameters> = SYNTHETIC_PARAMETERS,
): SimulatedEstimate {
  const f = clamp01(hints.familiarity ?? params.defaultFamiliarity);
  const u = clamp01(hints.numeracy ?? params.defaultNumeracy);
  const emotion = hints.emotion;
  const intensity = emotion === undefined ? 0 : clamp01(emotion.intensity);
  const valence = emotion === undefined ? 0 : clamp(emotion.valence, -1, 1);
  const arousal = emotion === undefined ? 0 : clamp(emotion.arousal, -1, 1);
  const group = emotionGroupOf(emotion?.label, valence, arousal);
  const tiltValence = params.angerIsOptimistic && group === 'anger' ? Math.abs(valence) : valence;

  const logBias =
    params.baseLogBias *
      nonNegative(1 + params.familiarityBiasSlope * (0.5 - f)) *
      nonNegative(1 + params.numeracyBiasSlope * (0.5 - u)) -
    params.valenceLogBias * tiltValence * intensity +
    params.arousalLogBias * arousal * intensity;
  const logSd =
    params.baseLogSd *
    Math.exp(
      -params.familiaritySdSlope * (f - 0.5) -
        params.numeracySdSlope * (u - 0.5) +
        params.arousalSdSlope * arousal * intensity,
    );

  const z = rng.normal();
  const zConfidence = rng.normal();
  const anchor = hints.socialAnchor;
  const social = anchor !== undefined && anchor > 0 && Number.isFinite(anchor);
  const previous = hints.previousEstimate;
  const revising = previous !== undefined && previous > 0 && Number.isFinite(previous);
  const fresh = Math.log(hints.truth) + logBias + logSd * z;

  // The revision rule: keep the previous answer, or move towards the anchor with noise.
  let kept = false;
  if (revising) {
    const gap = social ? Math.abs(Math.log(anchor) - Math.log(previous)) : 0;
    const propensity =
      hints.persona === undefined ? rng.normal() : createRng(`keep:${hints.persona}`).normal();
    const eta =
      params.keepBase +
      params.keepGapSlope * gap +
      ((hints.revision ?? 1) >= 2 ? params.keepLaterRevision : 0) +
      params.keepPersonaSd * propensity;
    kept = rng.next() < 1 / (1 + Math.exp(-eta));
  }

  const rawConfidence = clamp(
    params.confidenceBase +
      params.confidenceFamiliaritySlope * f +
      params.confidenceNumeracySlope * (u - 0.5) +
      params.confidenceValenceSlope * valence * intensity +
      (social ? params.confidenceSocialGain : 0) +
      params.confidenceNoise * zConfidence,
    0.02,
    0.98,
  );
  const confidence = Math.round(rawConfidence * 100) / 100;

  let anchorWeight = 0;
  let logEstimate = revising ? Math.log(previous) : fresh;
  if (kept) {
    logEstimate = Math.log(previous as number);
  } else if (social) {
    const meanWeight = clamp(
      params.anchorWeightMin +
        params.anchorWeightConfidenceSlope * (1 - confidence) +
        params.anchorWeightArousalSlope * Math.max(arousal, 0) * intensity,
      params.anchorWeightMin,
      params.anchorWeightMax,
    );
    const k = params.anchorWeightConcentration;
    anchorWeight = drawBeta(rng, meanWeight * k, (1 - meanWeight) * k);
    logEstimate = revising
      ? (1 - anchorWeight) * Math.log(previous) +
        anchorWeight * Math.log(anchor) +
        params.revisionNoiseShare * logSd * z
      : (1 - anchorWeight) * fresh + anchorWeight * Math.log(anchor);
  } else if (revising) {
    logEstimate = Math.log(previous) + params.revisionLogSd * z;
  }

  const confusable = hints.confusableUnit;
  const pUnit =
    confusable !== undefined && confusable.factor > 0
      ? params.unitConfusionRate * nonNegative(1 + params.unitConfusionFamiliaritySlope * (0.5 - f))
      : 0;
  const unitConfused = rng.next() < pUnit;
  const factor = unitConfused && confusable !== undefined ? confusable.factor : 1;

  const pExact = clamp01(
    params.exactShareBase +
      params.exactShareNumeracySlope * (u - 0.5) +
      params.exactShareConfidenceSlope * (confidence - 0.5),
  );
  const pCoarse = clamp01(params.coarseShareBase * 2 * (1 - confidence));
  const r1 = rng.next();
  const r2 = rng.next();
  const r3 = rng.next();
  const rounding: RoundingMode =
    r1 < pExact
      ? 'exact'
      : r2 < pCoarse
        ? 'coarse'
        : r3 < params.twentiethShare
          ? 'twentieth'
          : 'twoSignificant';

  // A persona that keeps its answer writes the same number again, in the task's unit.
  const value = kept ? (previous as number) : roundLikeHuman(Math.exp(logEstimate) / factor, rounding);
  return {
    group,
    logBias,
    logSd,
    anchorWeight,
    kept,
    logEstimate,
    confidence,
    unitConfused: unitConfused && !kept,
    reportedUnit: !kept && unitConfused && confusable !== undefined ? confusable.unit : hints.unit,
    rounding: kept ? 'exact' : rounding,
    value,
    estimate: kept ? value : value * factor,
  };
}
