/**
 * Every number of the synthetic model in one place, each with its rationale and source.
 *
 * The synthetic model is a seeded generative model of how a persona answers an estimation
 * question, NOT a language model. Its latent answer is log-normal around the truth,
 * `ln x = ln T + bias + sigma * z`, and bias, sigma, the social-influence weight, confidence,
 * rounding, unit confusion and the answer's wording all depend on the hints (familiarity,
 * numeracy, emotion valence / arousal / intensity, social anchor). Where the literature gives
 * only the DIRECTION of an effect, the magnitude below is our assumption and says so. The
 * equations are written out in docs/synthetic-model.md.
 */
export interface SyntheticParameters {
  // ---- location (bias of ln x around ln T) --------------------------------------------------
  /**
   * Log bias of a neutral persona of middling familiarity and numeracy (f = u = 0.5):
   * the crowd median sits at T * exp(baseLogBias).
   * Rationale: human crowds' medians under-estimate (first-round medians of ln(x/T) are -0.21 to
   * -0.68 in the jelly-bean jars of Silver, Mellers & Tetlock 2021 and mostly -0.1 to -0.8 in
   * Becker, Brackbill & Centola 2017, computed from packages/data/crowds; Kao et al. 2018,
   * J. R. Soc. Interface 15:20180130, report systematic under-estimation). A distance between
   * named cities is more familiar than a jar of beans, so we take a milder -0.15 (median about
   * 14 % under the truth). Magnitude: our assumption.
   */
  baseLogBias: number;
  /**
   * How familiarity f shrinks the bias: bias_cog = baseLogBias * max(0, 1 + k (0.5 - f)).
   * With k = 2 an expert (f = 1) is unbiased and a novice (f = 0) doubles the bias. Direction:
   * knowledge reduces systematic error (Lorenz et al. 2011 PNAS 108:9020; Mannes, Soll & Larrick
   * 2014 JPSP 107:276 "select crowd"). Magnitude: our assumption.
   */
  familiarityBiasSlope: number;
  /**
   * How numeracy u shrinks the bias: bias_cog *= max(0, 1 + k (0.5 - u)). Direction: numerate
   * people map magnitudes more linearly (Peters et al. 2006, Psychological Science 17:407).
   * Magnitude: our assumption.
   */
  numeracyBiasSlope: number;
  /**
   * Valence effect on the log bias: bias_emo = -valenceLogBias * v * I (v valence in [-1, 1],
   * I intensity in [0, 1]): negative mood -> longer (pessimistic) distances, positive -> shorter.
   * Direction: mood-congruent judgement (Johnson & Tversky 1983, JPSP 45:20: negative mood raises
   * estimated risks); sad mood makes hills look steeper (Riener, Stefanucci, Proffitt & Clore 2011,
   * Cognition & Emotion 25:174); fear makes slopes look steeper (Stefanucci et al. 2008,
   * Perception 37:321). At full intensity 0.12 means about 13 % longer. Magnitude: our assumption.
   */
  valenceLogBias: number;
  /**
   * Arousal effect on the log bias: bias_emo += arousalLogBias * a * I. Direction: emotional
   * arousal elevates perceived height (Stefanucci & Storbeck 2009, JEP: General 138:131).
   * Magnitude: our assumption (small on purpose).
   */
  arousalLogBias: number;
  /**
   * When true, personas whose emotion falls in the anger group (GoEmotions Ekman mapping: anger,
   * annoyance, disapproval) get the OPTIMISTIC valence direction despite negative valence:
   * Lerner & Keltner 2001 (JPSP 81:146) found angry people's risk estimates resemble happy
   * people's, fearful people's are pessimistic (appraisal-tendency framework).
   */
  angerIsOptimistic: boolean;

  // ---- spread (sigma of ln x) --------------------------------------------------------------
  /**
   * Log-sd of a neutral persona of middling familiarity and numeracy. Human crowds: 0.47-0.74 in
   * the jelly-bean jars (Silver et al. 2021), mostly 0.5-0.8 in Becker et al. 2017 tasks 1-4, 1.5-2 in
   * Lorenz et al. 2011 (computed from packages/data/crowds). 0.55 sits inside the 0.4-0.8 band.
   */
  baseLogSd: number;
  /**
   * sigma = baseLogSd * exp(-kf (f - 0.5) - ku (u - 0.5) + ka a I). With kf = 0.8 an expert's sd
   * is 0.37 and a novice's 0.82. Direction: knowledge narrows the spread; magnitude: assumption.
   */
  familiaritySdSlope: number;
  /** ku in the sigma equation (numerate personas scatter less; Peters et al. 2006). Magnitude: assumption. */
  numeracySdSlope: number;
  /**
   * ka in the sigma equation: high arousal widens the spread, calm narrows it (full arousal at full
   * intensity: x1.42). Direction: arousal narrows attention and the use of cues (Easterbrook 1959,
   * Psychological Review 66:183), which makes judgements noisier. Magnitude: our assumption.
   */
  arousalSdSlope: number;

  // ---- social influence: the revision rule (fitted to Becker et al. 2017 and Lorenz et al. 2011) --
  /**
   * Mean weight of the social anchor A for a persona that revises: m = clamp(min + kc (1 - c) +
   * ka max(0, a) I, min, max), the weight itself w ~ Beta(m k, (1 - m) k) with k =
   * `anchorWeightConcentration`, and ln x' = (1 - w) ln x_previous + w ln A + noise. Less confident
   * people take more advice (Yaniv 2004, OBHDP 93:1; Bonaccio & Dalal 2006, OBHDP 101:127); fear
   * raises conformity (Griskevicius et al. 2006, JPSP 91:281). The level was fitted so that crowds
   * plateau as people do (docs/synthetic-model.md, "Revision rule"): m = 0.55 at the confidence
   * typical of a social round (c = 0.55).
   */
  anchorWeightMin: number;
  /** kc: extra mean anchor weight per unit of missing confidence (1 - c). Direction: Bonaccio & Dalal 2006; size: assumption. */
  anchorWeightConfidenceSlope: number;
  /** ka: extra mean anchor weight per unit of positive arousal times intensity. Assumption. */
  anchorWeightArousalSlope: number;
  /** Upper clamp of the mean anchor weight. */
  anchorWeightMax: number;
  /**
   * k of the Beta distribution of the anchor weight around its mean (variance m (1 - m) / (k + 1)).
   * Fitted to the revision weights of the people who changed their answer in Becker et al. 2017.
   */
  anchorWeightConcentration: number;
  /**
   * The noise of a revision after seeing the others, as a share of the persona's own log-sd:
   * ln x' = (1 - w) ln x_prev + w ln A + share * sigma * z. People re-decide rather than compute a
   * weighted mean, so their new answers scatter around the compromise; this keeps a crowd from
   * collapsing onto its anchor (Lorenz et al. 2011: the log-variance stops falling after two
   * rounds). Fitted to Lorenz et al. 2011 and Becker et al. 2017 (see docs/synthetic-model.md).
   */
  revisionNoiseShare: number;
  /**
   * Log-sd of the noise when a persona is asked again without being shown anything (influence
   * `none`): a person asked twice does not repeat themselves exactly (Vul & Pashler 2008,
   * Psychological Science 19:645). Magnitude: our assumption.
   */
  revisionLogSd: number;
  /**
   * Keeping the previous answer unchanged: P(keep) = logistic(keepBase + keepGapSlope g +
   * keepLaterRevision [revision >= 2] + u), g = |ln(A / x_prev)|, u ~ N(0, keepPersonaSd²) fixed per
   * persona. Fitted by maximum likelihood (logistic model with a persona random effect) to who
   * kept their answer in Becker et al. 2017 (4,399 people, 8,373 revisions).
   */
  keepBase: number;
  /** How a larger gap to the anchor makes keeping less likely (per unit of |ln(A / x)|). */
  keepGapSlope: number;
  /** How much more likely keeping is from the second revision on. */
  keepLaterRevision: number;
  /** Sd of the persona's fixed propensity to keep (on the logit scale): some people keep their answers, round after round. */
  keepPersonaSd: number;

  // ---- confidence ----------------------------------------------------------------------------
  /** c = clamp(base + kf f + ku (u - 0.5) + kv v I + social + noise * z, 0.02, 0.98). */
  confidenceBase: number;
  /** kf: confidence grows with familiarity (the correlation the task asks for; an assumption in size). */
  confidenceFamiliaritySlope: number;
  /** ku: numerate personas are slightly more confident. Assumption. */
  confidenceNumeracySlope: number;
  /**
   * kv: positive mood raises confidence (affect as information: Schwarz & Clore 1983, JPSP 45:513).
   * Magnitude: our assumption.
   */
  confidenceValenceSlope: number;
  /** Confidence rises after seeing others (Lorenz et al. 2011 report higher confidence under influence). */
  confidenceSocialGain: number;
  /** Sd of the normal noise on confidence. */
  confidenceNoise: number;

  // ---- rounding ------------------------------------------------------------------------------
  /**
   * Share of unrounded ("exact") answers: p_exact = clamp(base + ku (u - 0.5) + kc (c - 0.5)).
   * The rest is rounded: coarse (multiple of half the leading power of ten, e.g. 500),
   * two significant figures (e.g. 1,200) or a multiple of a twentieth (e.g. 1,250).
   * Humans and LLMs favour round numbers (Schoenegger et al. 2024, Science Advances 10:eadp1528;
   * Jansen & Pollmann 2001, J. Quantitative Linguistics 8:187); coarser grain when less certain
   * (Yaniv & Foster 1995, JEP: General 124:424). In the human data 38-60 % (jelly beans) and
   * 33-92 % (Becker et al. 2017, tasks 1-4) of answers are multiples of 50. Magnitudes: our
   * assumption; neutral p_exact = 0.2, so about 80 % round answers.
   */
  exactShareBase: number;
  /** ku in p_exact. */
  exactShareNumeracySlope: number;
  /** kc in p_exact. */
  exactShareConfidenceSlope: number;
  /**
   * Share of the non-exact answers rounded coarsely: p_coarse = coarseShareBase * 2 (1 - c),
   * so coarseShareBase at c = 0.5 and more for unsure personas.
   */
  coarseShareBase: number;
  /** Of the answers neither exact nor coarse, the share rounded to a twentieth (else two significant figures). */
  twentiethShare: number;

  // ---- unit confusion ------------------------------------------------------------------------
  /**
   * Rate at which a persona answers in the confusable unit (e.g. km when asked miles), at f = 0.5:
   * p = rate * max(0, 1 + k (0.5 - f)). The number is then the km-ish value, labelled km.
   * Magnitude: our assumption (a small, visible error the parser must handle).
   */
  unitConfusionRate: number;
  /** k in the unit-confusion equation (novices confuse units more). */
  unitConfusionFamiliaritySlope: number;

  // ---- answer forms --------------------------------------------------------------------------
  /** Share of free-text answers written as a range ("1,100-1,300"); the range's midpoint is the estimate. */
  rangeRate: number;
  /** Half-width of a range as a fraction of the estimate. */
  rangeHalfWidth: number;
  /** Share of free-text answers of 1,000 or more written in shorthand ("1.2k"). */
  shorthandRate: number;
  /** Share of free-text answers that write large numbers without a thousands separator ("1300"). */
  plainNumberRate: number;
  /** Share of answers that are refusals or carry no number (configurable; parsers must cope). */
  refusalRate: number;

  // ---- defaults for missing hints ------------------------------------------------------------
  /** Familiarity used when the hints carry none. */
  defaultFamiliarity: number;
  /** Numeracy used when the hints carry none. */
  defaultNumeracy: number;
}

/** The synthetic model's default parameters (see each field for its rationale and source). */
export const SYNTHETIC_PARAMETERS: Readonly<SyntheticParameters> = Object.freeze({
  baseLogBias: -0.15,
  familiarityBiasSlope: 2,
  numeracyBiasSlope: 0.5,
  valenceLogBias: 0.12,
  arousalLogBias: 0.04,
  angerIsOptimistic: true,

  baseLogSd: 0.55,
  familiaritySdSlope: 0.8,
  numeracySdSlope: 0.4,
  arousalSdSlope: 0.35,

  anchorWeightMin: 0.415,
  anchorWeightConfidenceSlope: 0.3,
  anchorWeightArousalSlope: 0.1,
  anchorWeightMax: 0.715,
  anchorWeightConcentration: 8,
  revisionNoiseShare: 0.45,
  revisionLogSd: 0.05,
  keepBase: -1.487,
  keepGapSlope: -1.73,
  keepLaterRevision: 0.954,
  keepPersonaSd: 1.828,

  confidenceBase: 0.2,
  confidenceFamiliaritySlope: 0.6,
  confidenceNumeracySlope: 0.1,
  confidenceValenceSlope: 0.05,
  confidenceSocialGain: 0.05,
  confidenceNoise: 0.1,

  exactShareBase: 0.2,
  exactShareNumeracySlope: 0.2,
  exactShareConfidenceSlope: 0.2,
  coarseShareBase: 0.12,
  twentiethShare: 0.35,

  unitConfusionRate: 0.03,
  unitConfusionFamiliaritySlope: 1,

  rangeRate: 0.07,
  rangeHalfWidth: 0.1,
  shorthandRate: 0.05,
  plainNumberRate: 0.15,
  refusalRate: 0.01,

  defaultFamiliarity: 0.5,
  defaultNumeracy: 0.5,
});

const RATES = [
  'exactShareBase',
  'coarseShareBase',
  'twentiethShare',
  'unitConfusionRate',
  'rangeRate',
  'shorthandRate',
  'plainNumberRate',
  'refusalRate',
  'defaultFamiliarity',
  'defaultNumeracy',
  'anchorWeightMin',
  'anchorWeightMax',
] as const satisfies readonly (keyof SyntheticParameters)[];

/**
 * Merges overrides into the defaults and checks them.
 *
 * Rates and shares must lie in [0, 1], spreads must be non-negative and every number finite, so
 * a typo fails at construction rather than as odd statistics a million answers later.
 *
 * @param overrides - parameters to change; the rest keep their defaults
 * @returns a frozen, complete parameter set
 * @throws RangeError naming the first invalid parameter
 */
export function resolveSyntheticParameters(
  overrides: Partial<SyntheticParameters> = {},
): Readonly<SyntheticParameters> {
  const merged: SyntheticParameters = { ...SYNTHETIC_PARAMETERS, ...overrides };
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError(`synthetic parameter ${key} must be a finite number, got ${value}`);
    }
  }
  for (const key of RATES) {
    const value = merged[key];
    if (value < 0 || value > 1)
      throw new RangeError(`synthetic parameter ${key} must be in [0, 1], got ${value}`);
  }
  for (const key of [
    'baseLogSd',
    'revisionLogSd',
    'revisionNoiseShare',
    'keepPersonaSd',
    'confidenceNoise',
    'rangeHalfWidth',
  ] as const) {
    if (merged[key] < 0) throw new RangeError(`synthetic parameter ${key} must be >= 0, got ${merged[key]}`);
  }
  if (merged.rangeHalfWidth >= 1) throw new RangeError('synthetic parameter rangeHalfWidth must be < 1');
  if (!(merged.anchorWeightConcentration > 0))
    throw new RangeError('synthetic parameter anchorWeightConcentration must be > 0');
  if (merged.anchorWeightMin > merged.anchorWeightMax) {
    throw new RangeError('synthetic parameter anchorWeightMin must not exceed anchorWeightMax');
  }
  return Object.freeze(merged);
}
