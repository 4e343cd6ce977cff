import type { GoEmotionLabel } from './isGoEmotionLabel.js';
import type { PlutchikEmotion, PlutchikLevel } from './plutchik.js';

/**
 * GoEmotions label -> the nearest spoke and ring of Plutchik's wheel (neutral -> null).
 *
 * Intuition: many GoEmotions labels are Plutchik words themselves (annoyance = low anger,
 * admiration = high trust, grief = high sadness, approval ~ acceptance = low trust, curiosity ~
 * interest = low anticipation). Labels that Plutchik treats as dyads (mixtures of two
 * neighbours) go to their dominant component: love (joy + trust) -> joy, optimism
 * (anticipation + joy) -> anticipation, remorse (sadness + disgust) -> sadness, pride -> joy,
 * disappointment -> low sadness, embarrassment (shame = fear + disgust) -> low fear.
 *
 * Source: Plutchik (2001) "The Nature of Emotions", American Scientist 89:344 (wheel, terms,
 * dyads). The assignment of non-wheel words is this project's documented choice.
 */
export const GOEMOTION_TO_PLUTCHIK: Readonly<
  Record<GoEmotionLabel, { emotion: PlutchikEmotion; level: PlutchikLevel } | null>
> = {
  admiration: { emotion: 'trust', level: 2 },
  amusement: { emotion: 'joy', level: 1 },
  anger: { emotion: 'anger', level: 1 },
  annoyance: { emotion: 'anger', level: 0 },
  approval: { emotion: 'trust', level: 0 },
  caring: { emotion: 'trust', level: 1 },
  confusion: { emotion: 'surprise', level: 0 },
  curiosity: { emotion: 'anticipation', level: 0 },
  desire: { emotion: 'anticipation', level: 2 },
  disappointment: { emotion: 'sadness', level: 0 },
  disapproval: { emotion: 'disgust', level: 0 },
  disgust: { emotion: 'disgust', level: 1 },
  embarrassment: { emotion: 'fear', level: 0 },
  excitement: { emotion: 'joy', level: 2 },
  fear: { emotion: 'fear', level: 1 },
  gratitude: { emotion: 'trust', level: 1 },
  grief: { emotion: 'sadness', level: 2 },
  joy: { emotion: 'joy', level: 1 },
  love: { emotion: 'joy', level: 1 },
  nervousness: { emotion: 'fear', level: 0 },
  optimism: { emotion: 'anticipation', level: 1 },
  pride: { emotion: 'joy', level: 1 },
  realization: { emotion: 'surprise', level: 0 },
  relief: { emotion: 'joy', level: 0 },
  remorse: { emotion: 'sadness', level: 1 },
  sadness: { emotion: 'sadness', level: 1 },
  surprise: { emotion: 'surprise', level: 1 },
  neutral: null,
};

/**
 * Plutchik spoke -> one representative GoEmotions label per ring [low, basic, high].
 *
 * Intuition: the inverse of {@link GOEMOTION_TO_PLUTCHIK}, choosing one label per ring; where
 * GoEmotions has no word for a ring the nearest label is reused (terror -> fear, rage -> anger,
 * loathing -> disgust, amazement -> surprise, vigilance -> desire). Every label chosen maps
 * back to the same spoke, so emotion -> label -> emotion is the identity on spokes.
 *
 * Source: as {@link GOEMOTION_TO_PLUTCHIK}; the choices are this project's.
 */
export const PLUTCHIK_TO_GOEMOTION: Readonly<
  Record<PlutchikEmotion, readonly [GoEmotionLabel, GoEmotionLabel, GoEmotionLabel]>
> = {
  joy: ['relief', 'joy', 'excitement'],
  trust: ['approval', 'caring', 'admiration'],
  fear: ['nervousness', 'fear', 'fear'],
  surprise: ['confusion', 'surprise', 'surprise'],
  sadness: ['disappointment', 'sadness', 'grief'],
  disgust: ['disapproval', 'disgust', 'disgust'],
  anger: ['annoyance', 'anger', 'anger'],
  anticipation: ['curiosity', 'optimism', 'desire'],
};

/**
 * Maps a GoEmotions label onto Plutchik's wheel.
 *
 * @param label - a GoEmotions label
 * @returns spoke and ring, or null for neutral
 */
export function goEmotionToPlutchik(
  label: GoEmotionLabel,
): { emotion: PlutchikEmotion; level: PlutchikLevel } | null {
  return GOEMOTION_TO_PLUTCHIK[label];
}

/**
 * Maps a Plutchik spoke and ring onto a GoEmotions label.
 *
 * @param emotion - a basic emotion
 * @param level - ring, default 1 (basic)
 * @returns the representative GoEmotions label
 */
export function plutchikToGoEmotion(emotion: PlutchikEmotion, level: PlutchikLevel = 1): GoEmotionLabel {
  return PLUTCHIK_TO_GOEMOTION[emotion][level];
}
