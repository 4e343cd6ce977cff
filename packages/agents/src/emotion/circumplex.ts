import type { GoEmotionLabel } from './isGoEmotionLabel.js';

/** A point on the valence-arousal plane, both coordinates in [-1, 1]. */
export interface CircumplexPoint {
  /** Pleasantness: -1 very unpleasant, +1 very pleasant. */
  valence: number;
  /** Activation: -1 very calm / sleepy, +1 very activated. */
  arousal: number;
}

/**
 * Where each GoEmotions label sits on Russell's circumplex of affect, at full intensity.
 *
 * Intuition: Russell (1980, "A circumplex model of affect", J. Pers. Soc. Psychol. 39:1161)
 * places emotion words on two axes, pleasantness (valence) and activation (arousal); the
 * distance from the neutral centre is how intense the feeling is. GoEmotions labels are words,
 * so each gets a point.
 *
 * Honesty about the numbers: these coordinates are set by this project. They were placed by
 * hand using Russell's published word positions for the octant (e.g. excited / alarmed high
 * arousal, sad / tired low arousal) and the ordering of the words' scores in the NRC VAD
 * lexicon (Mohammad 2018, "Obtaining Reliable Human Ratings of Valence, Arousal, and Dominance
 * for 20,000 English Words", ACL), rescaled from [0, 1] to [-1, 1] and rounded to 0.05. They are
 * not copied lexicon values; treat them as a documented, reproducible modelling choice.
 * `neutral` is the centre.
 */
export const GOEMOTIONS_CIRCUMPLEX: Readonly<Record<GoEmotionLabel, CircumplexPoint>> = {
  admiration: { valence: 0.7, arousal: 0.3 },
  amusement: { valence: 0.8, arousal: 0.5 },
  anger: { valence: -0.75, arousal: 0.8 },
  annoyance: { valence: -0.55, arousal: 0.5 },
  approval: { valence: 0.6, arousal: 0.1 },
  caring: { valence: 0.65, arousal: 0.0 },
  confusion: { valence: -0.3, arousal: 0.3 },
  curiosity: { valence: 0.35, arousal: 0.5 },
  desire: { valence: 0.5, arousal: 0.6 },
  disappointment: { valence: -0.6, arousal: -0.3 },
  disapproval: { valence: -0.55, arousal: 0.2 },
  disgust: { valence: -0.75, arousal: 0.45 },
  embarrassment: { valence: -0.5, arousal: 0.4 },
  excitement: { valence: 0.75, arousal: 0.85 },
  fear: { valence: -0.8, arousal: 0.75 },
  gratitude: { valence: 0.8, arousal: 0.1 },
  grief: { valence: -0.9, arousal: -0.2 },
  joy: { valence: 0.9, arousal: 0.5 },
  love: { valence: 0.9, arousal: 0.35 },
  nervousness: { valence: -0.55, arousal: 0.65 },
  optimism: { valence: 0.7, arousal: 0.3 },
  pride: { valence: 0.7, arousal: 0.45 },
  realization: { valence: 0.15, arousal: 0.2 },
  relief: { valence: 0.6, arousal: -0.4 },
  remorse: { valence: -0.65, arousal: -0.2 },
  sadness: { valence: -0.8, arousal: -0.45 },
  surprise: { valence: 0.2, arousal: 0.8 },
  neutral: { valence: 0, arousal: 0 },
};
