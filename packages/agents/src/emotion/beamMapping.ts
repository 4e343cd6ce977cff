import type { BeamSpectrumId } from './beamSpectra.js';
import type { GoEmotionLabel } from './isGoEmotionLabel.js';
import type { PlutchikEmotion, PlutchikLevel } from './plutchik.js';

/**
 * BEAM word -> the GoEmotions label of the same meaning, or null where GoEmotions has none.
 *
 * Intuition: 29 of the 49 words have a GoEmotions label of the same meaning: the label itself
 * (grief, fear, curiosity, amusement, admiration, ...), or a near synonym (apprehension, wary,
 * unease -> nervousness; rage -> anger; loathing -> disgust; respect -> admiration; acceptance ->
 * approval; enthusiasm -> excitement; delight, serenity, ecstasy -> joy; pensiveness -> sadness;
 * fascination -> curiosity; amazement -> surprise; calm and indifference, the absence of
 * feeling, -> neutral). Intensity is carried by the level, not by the label, so mild and
 * extreme words share a label. The other 20 have no counterpart: GoEmotions has no courage
 * (boldness, courage, heroism), no trust or distrust (distrust, skepticism, trust), no
 * foresight or its lack (recklessness, negligence, apathy, cautiousness, anticipation,
 * vigilance), no calm positive states (tolerance, composure, peace, tranquility), no boredom
 * (boredom, disinterest, dullness) and no distraction.
 *
 * Source: the GoEmotions taxonomy (Demszky et al. 2020, ACL); the assignments are this
 * project's documented choice (docs/concepts.md).
 */
export const BEAM_TO_GOEMOTION: Readonly<Record<string, GoEmotionLabel | null>> = {
  terror: 'fear',
  fear: 'fear',
  apprehension: 'nervousness',
  calm: 'neutral',
  boldness: null,
  courage: null,
  heroism: null,
  grief: 'grief',
  sadness: 'sadness',
  pensiveness: 'sadness',
  surprise: 'surprise',
  serenity: 'joy',
  joy: 'joy',
  ecstasy: 'joy',
  distrust: null,
  wary: 'nervousness',
  skepticism: null,
  acceptance: 'approval',
  respect: 'admiration',
  trust: null,
  admiration: 'admiration',
  recklessness: null,
  negligence: null,
  apathy: null,
  cautiousness: null,
  interest: 'curiosity',
  anticipation: null,
  vigilance: null,
  rage: 'anger',
  anger: 'anger',
  annoyance: 'annoyance',
  tolerance: null,
  composure: null,
  peace: null,
  tranquility: null,
  loathing: 'disgust',
  disgust: 'disgust',
  boredom: null,
  indifference: 'neutral',
  amusement: 'amusement',
  delight: 'joy',
  enthusiasm: 'excitement',
  distraction: null,
  disinterest: null,
  unease: 'nervousness',
  dullness: null,
  curiosity: 'curiosity',
  fascination: 'curiosity',
  amazement: 'surprise',
};

/**
 * BEAM word -> a spoke and ring of Plutchik's wheel, or null.
 *
 * Intuition: every one of Plutchik's 24 terms is also a BEAM word (BEAM extends the wheel with
 * antonyms), so those map exactly (serenity -> joy, low; rage -> anger, high). Of the other 25,
 * seven have a defensible place: wary and unease -> fear, low (apprehension); respect -> trust,
 * low (between acceptance and trust); amusement and delight -> joy, basic; enthusiasm -> joy,
 * high; curiosity -> anticipation, low (interest), as GOEMOTION_TO_PLUTCHIK places them. The
 * wheel has no courage, distrust, skepticism, negligence and its kin, calm, peace, indifference,
 * disinterest, dullness or fascination, so the other 18 map to null.
 *
 * Source: Plutchik (2001) "The Nature of Emotions", American Scientist 89:344; the assignments
 * of non-wheel words are this project's choice.
 */
export const BEAM_TO_PLUTCHIK: Readonly<
  Record<string, { emotion: PlutchikEmotion; level: PlutchikLevel } | null>
> = {
  terror: { emotion: 'fear', level: 2 },
  fear: { emotion: 'fear', level: 1 },
  apprehension: { emotion: 'fear', level: 0 },
  calm: null,
  boldness: null,
  courage: null,
  heroism: null,
  grief: { emotion: 'sadness', level: 2 },
  sadness: { emotion: 'sadness', level: 1 },
  pensiveness: { emotion: 'sadness', level: 0 },
  surprise: { emotion: 'surprise', level: 1 },
  serenity: { emotion: 'joy', level: 0 },
  joy: { emotion: 'joy', level: 1 },
  ecstasy: { emotion: 'joy', level: 2 },
  distrust: null,
  wary: { emotion: 'fear', level: 0 },
  skepticism: null,
  acceptance: { emotion: 'trust', level: 0 },
  respect: { emotion: 'trust', level: 0 },
  trust: { emotion: 'trust', level: 1 },
  admiration: { emotion: 'trust', level: 2 },
  recklessness: null,
  negligence: null,
  apathy: null,
  cautiousness: null,
  interest: { emotion: 'anticipation', level: 0 },
  anticipation: { emotion: 'anticipation', level: 1 },
  vigilance: { emotion: 'anticipation', level: 2 },
  rage: { emotion: 'anger', level: 2 },
  anger: { emotion: 'anger', level: 1 },
  annoyance: { emotion: 'anger', level: 0 },
  tolerance: null,
  composure: null,
  peace: null,
  tranquility: null,
  loathing: { emotion: 'disgust', level: 2 },
  disgust: { emotion: 'disgust', level: 1 },
  boredom: { emotion: 'disgust', level: 0 },
  indifference: null,
  amusement: { emotion: 'joy', level: 1 },
  delight: { emotion: 'joy', level: 1 },
  enthusiasm: { emotion: 'joy', level: 2 },
  distraction: { emotion: 'surprise', level: 0 },
  disinterest: null,
  unease: { emotion: 'fear', level: 0 },
  dullness: null,
  curiosity: { emotion: 'anticipation', level: 0 },
  fascination: null,
  amazement: { emotion: 'surprise', level: 2 },
};

/**
 * GoEmotions label -> a position on a BEAM spectrum, or null.
 *
 * Intuition: the inverse of {@link BEAM_TO_GOEMOTION} where it is one-to-one enough to place a
 * label: a label that is a BEAM word takes that word's place (grief -> sadness-joy -1.0,
 * annoyance -> anger-peace -0.3); nervousness -> apprehension (-0.3 on fear-courage);
 * disappointment -> pensiveness (-0.3 on sadness-joy, as Plutchik places it at low sadness);
 * approval -> respect (+0.3 on distrust-trust: the neutral point, acceptance, would erase it);
 * excitement -> enthusiasm (+1.0 on disgust-delight); surprise -> amazement (+1.0 on
 * disinterest-fascination; BEAM's own "surprise" is the neutral point of sadness-joy). The
 * other 13 labels (caring, confusion, desire, disapproval, embarrassment, gratitude, love,
 * optimism, pride, realization, relief, remorse, neutral) have no place on the spectra.
 *
 * Used by `updateEmotion` to move a BEAM state after social feedback. The choices are this
 * project's (docs/concepts.md).
 */
export const GOEMOTION_TO_BEAM: Readonly<
  Record<GoEmotionLabel, { spectrum: BeamSpectrumId; signedIntensity: number } | null>
> = {
  admiration: { spectrum: 'distrust-trust', signedIntensity: 1 },
  amusement: { spectrum: 'disgust-delight', signedIntensity: 0.3 },
  anger: { spectrum: 'anger-peace', signedIntensity: -0.6 },
  annoyance: { spectrum: 'anger-peace', signedIntensity: -0.3 },
  approval: { spectrum: 'distrust-trust', signedIntensity: 0.3 },
  caring: null,
  confusion: null,
  curiosity: { spectrum: 'disinterest-fascination', signedIntensity: 0.3 },
  desire: null,
  disappointment: { spectrum: 'sadness-joy', signedIntensity: -0.3 },
  disapproval: null,
  disgust: { spectrum: 'disgust-delight', signedIntensity: -0.6 },
  embarrassment: null,
  excitement: { spectrum: 'disgust-delight', signedIntensity: 1 },
  fear: { spectrum: 'fear-courage', signedIntensity: -0.6 },
  gratitude: null,
  grief: { spectrum: 'sadness-joy', signedIntensity: -1 },
  joy: { spectrum: 'sadness-joy', signedIntensity: 0.6 },
  love: null,
  nervousness: { spectrum: 'fear-courage', signedIntensity: -0.3 },
  optimism: null,
  pride: null,
  realization: null,
  relief: null,
  remorse: null,
  sadness: { spectrum: 'sadness-joy', signedIntensity: -0.6 },
  surprise: { spectrum: 'disinterest-fascination', signedIntensity: 1 },
  neutral: null,
};

/**
 * The GoEmotions counterpart of a BEAM word.
 *
 * @param word - a BEAM word
 * @returns the label, or null when there is none (or the word is not a BEAM word)
 */
export function beamToGoEmotion(word: string): GoEmotionLabel | null {
  return BEAM_TO_GOEMOTION[word] ?? null;
}

/**
 * The Plutchik counterpart of a BEAM word.
 *
 * @param word - a BEAM word
 * @returns spoke and ring, or null
 */
export function beamToPlutchik(word: string): { emotion: PlutchikEmotion; level: PlutchikLevel } | null {
  return BEAM_TO_PLUTCHIK[word] ?? null;
}
