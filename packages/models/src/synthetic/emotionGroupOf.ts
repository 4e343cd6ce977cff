import { EKMAN_GROUPS } from '../goemotions/emotionGroups.js';

/** The seven wording groups of the synthetic model: Ekman's six basic emotions and neutral. */
export type EmotionGroup = 'joy' | 'anger' | 'fear' | 'sadness' | 'surprise' | 'disgust' | 'neutral';

/**
 * GoEmotions labels to Ekman groups, built from the dataset authors' mapping (EKMAN_GROUPS,
 * Demszky et al. 2020), plus Plutchik's wheel labels not in GoEmotions (trust -> joy,
 * anticipation -> surprise) and neutral.
 */
const GROUP_BY_LABEL: ReadonlyMap<string, EmotionGroup> = new Map<string, EmotionGroup>([
  ...Object.entries(EKMAN_GROUPS).flatMap(([group, labels]) =>
    labels.map((label) => [label, group as EmotionGroup] as const),
  ),
  ['trust', 'joy'],
  ['anticipation', 'surprise'],
  ['neutral', 'neutral'],
]);

/**
 * Which wording group an emotion speaks in.
 *
 * Known labels (the 28 GoEmotions labels, Plutchik's eight) use the GoEmotions Ekman mapping;
 * an unknown label falls back on its valence / arousal coordinates: clearly positive -> joy,
 * clearly negative and aroused -> fear, clearly negative and calm -> sadness, otherwise neutral.
 * Matching ignores case.
 *
 * @param label - the emotion's label, e.g. "annoyance"; undefined means no emotion
 * @param valence - valence in [-1, 1], used only for unknown labels
 * @param arousal - arousal in [-1, 1], used only for unknown labels
 * @returns the Ekman group (or neutral)
 */
export function emotionGroupOf(label: string | undefined, valence = 0, arousal = 0): EmotionGroup {
  if (label === undefined) return 'neutral';
  const known = GROUP_BY_LABEL.get(label) ?? GROUP_BY_LABEL.get(label.toLowerCase());
  if (known !== undefined) return known;
  if (valence >= 0.25) return 'joy';
  if (valence <= -0.25) return arousal >= 0.3 ? 'fear' : 'sadness';
  return 'neutral';
}
