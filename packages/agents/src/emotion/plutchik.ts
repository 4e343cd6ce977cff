import type { CircumplexPoint } from './circumplex.js';

/** Plutchik's eight basic emotions. */
export const PLUTCHIK_EMOTIONS = [
  'joy',
  'trust',
  'fear',
  'surprise',
  'sadness',
  'disgust',
  'anger',
  'anticipation',
] as const;

/** One of Plutchik's eight basic emotions. */
export type PlutchikEmotion = (typeof PLUTCHIK_EMOTIONS)[number];

/** Intensity level on Plutchik's wheel: 0 low (outer ring), 1 basic, 2 high (inner ring). */
export type PlutchikLevel = 0 | 1 | 2;

/** One spoke of Plutchik's wheel. */
export interface PlutchikSpoke {
  /** The emotion on the opposite side of the wheel. */
  opposite: PlutchikEmotion;
  /** The words for the three intensities: [low, basic, high]. */
  terms: readonly [string, string, string];
  /** Position at full intensity on the valence-arousal plane (set by this project, see GOEMOTIONS_CIRCUMPLEX). */
  circumplex: CircumplexPoint;
}

/**
 * Plutchik's wheel: eight basic emotions as four opposing pairs, each worded at three intensities.
 *
 * Intuition: emotions come in opposites (joy-sadness, trust-disgust, fear-anger,
 * surprise-anticipation) and each can be felt mildly (serenity), plainly (joy) or intensely
 * (ecstasy). Chang (arXiv 2404.13071) uses this reading to model LLM emotions as opposing pairs
 * with a spectrum of intensity.
 *
 * Source: Plutchik, R. (1980) "A general psychoevolutionary theory of emotion", in Emotion:
 * Theory, Research and Experience, vol. 1; Plutchik (2001) "The Nature of Emotions", American
 * Scientist 89:344. Circumplex points are set by this project in the same way as the GoEmotions ones.
 */
export const PLUTCHIK_WHEEL: Readonly<Record<PlutchikEmotion, PlutchikSpoke>> = {
  joy: {
    opposite: 'sadness',
    terms: ['serenity', 'joy', 'ecstasy'],
    circumplex: { valence: 0.9, arousal: 0.5 },
  },
  sadness: {
    opposite: 'joy',
    terms: ['pensiveness', 'sadness', 'grief'],
    circumplex: { valence: -0.8, arousal: -0.45 },
  },
  trust: {
    opposite: 'disgust',
    terms: ['acceptance', 'trust', 'admiration'],
    circumplex: { valence: 0.6, arousal: 0.05 },
  },
  disgust: {
    opposite: 'trust',
    terms: ['boredom', 'disgust', 'loathing'],
    circumplex: { valence: -0.75, arousal: 0.4 },
  },
  fear: {
    opposite: 'anger',
    terms: ['apprehension', 'fear', 'terror'],
    circumplex: { valence: -0.8, arousal: 0.75 },
  },
  anger: {
    opposite: 'fear',
    terms: ['annoyance', 'anger', 'rage'],
    circumplex: { valence: -0.75, arousal: 0.8 },
  },
  surprise: {
    opposite: 'anticipation',
    terms: ['distraction', 'surprise', 'amazement'],
    circumplex: { valence: 0.2, arousal: 0.8 },
  },
  anticipation: {
    opposite: 'surprise',
    terms: ['interest', 'anticipation', 'vigilance'],
    circumplex: { valence: 0.4, arousal: 0.5 },
  },
};

/** The four opposing pairs of Plutchik's wheel. */
export const PLUTCHIK_PAIRS: readonly (readonly [PlutchikEmotion, PlutchikEmotion])[] = [
  ['joy', 'sadness'],
  ['trust', 'disgust'],
  ['fear', 'anger'],
  ['surprise', 'anticipation'],
];

/** The intensity given to each level when a state is created from a Plutchik term. */
export const PLUTCHIK_LEVEL_INTENSITY: readonly [number, number, number] = [0.35, 0.65, 0.95];

/**
 * The level of an intensity: below 0.5 low, below 0.8 basic, else high.
 *
 * @param intensity - 0..1
 * @returns the wheel level
 */
export function plutchikLevel(intensity: number): PlutchikLevel {
  return intensity < 0.5 ? 0 : intensity < 0.8 ? 1 : 2;
}

/**
 * The word for an emotion at an intensity (joy at 0.2 -> "serenity").
 *
 * @param emotion - a basic emotion
 * @param intensity - 0..1, see {@link plutchikLevel}
 * @returns the term
 */
export function plutchikTerm(emotion: PlutchikEmotion, intensity: number): string {
  return PLUTCHIK_WHEEL[emotion].terms[plutchikLevel(intensity)];
}

const TERM_INDEX: ReadonlyMap<string, { emotion: PlutchikEmotion; level: PlutchikLevel }> = new Map(
  PLUTCHIK_EMOTIONS.flatMap((emotion) =>
    PLUTCHIK_WHEEL[emotion].terms.map(
      (term, level) => [term, { emotion, level: level as PlutchikLevel }] as const,
    ),
  ),
);

/**
 * Reads one of the 24 terms of the wheel ("serenity", "rage", ...).
 *
 * @param term - a term, lower-case
 * @returns its emotion and level, or undefined when it is not a wheel term
 */
export function parsePlutchikTerm(
  term: string,
): { emotion: PlutchikEmotion; level: PlutchikLevel } | undefined {
  return TERM_INDEX.get(term);
}
