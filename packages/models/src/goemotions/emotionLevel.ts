import { EKMAN_GROUPS, SENTIMENT_GROUPS } from './emotionGroups.js';
import { GOEMOTIONS_LABELS } from './goEmotionsLabels.js';

/**
 * The three label granularities GoEmotions is evaluated at (Demszky et al., ACL 2020, §5):
 * the 28 fine-grained labels, the 7 Ekman classes (6 groups + neutral) and the 4 sentiment
 * classes (positive, negative, ambiguous + neutral).
 */
export type EmotionLevel = 'goemotions' | 'ekman' | 'sentiment';

/** The label levels, finest first. */
export const EMOTION_LEVELS: readonly EmotionLevel[] = ['goemotions', 'ekman', 'sentiment'];

const EKMAN_LABELS: readonly string[] = [...Object.keys(EKMAN_GROUPS), 'neutral'];
const SENTIMENT_LABELS: readonly string[] = [...Object.keys(SENTIMENT_GROUPS), 'neutral'];

function invert(groups: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, string> {
  const map = new Map<string, string>([['neutral', 'neutral']]);
  for (const [group, members] of Object.entries(groups)) for (const m of members) map.set(m, group);
  return map;
}
const TO_EKMAN = invert(EKMAN_GROUPS);
const TO_SENTIMENT = invert(SENTIMENT_GROUPS);

/**
 * The class names of a label level, in a fixed order.
 *
 * goemotions: the 28 labels in `emotions.txt` order; ekman: anger, disgust, fear, joy, sadness,
 * surprise, neutral; sentiment: positive, negative, ambiguous, neutral.
 *
 * @param level - the label level
 * @returns the level's class names
 */
export function labelsForLevel(level: EmotionLevel): readonly string[] {
  if (level === 'goemotions') return GOEMOTIONS_LABELS;
  return level === 'ekman' ? EKMAN_LABELS : SENTIMENT_LABELS;
}

/**
 * Maps fine-grained GoEmotions label names to a coarser level with the authors' groupings.
 *
 * A multi-label set maps to the set of its groups, deduplicated and in first-seen order
 * (`['anger', 'annoyance', 'joy']` -> `['anger', 'joy']` at the Ekman level). Names that already
 * are classes of the target level pass through unchanged, so mapping twice is harmless; names
 * that belong to neither are dropped.
 *
 * @param labels - GoEmotions label names (or names of the target level)
 * @param level - the target level
 * @returns the labels at that level
 */
export function mapToLevel(labels: readonly string[], level: EmotionLevel): string[] {
  if (level === 'goemotions') return [...new Set(labels)];
  const table = level === 'ekman' ? TO_EKMAN : TO_SENTIMENT;
  const own = labelsForLevel(level);
  const out: string[] = [];
  for (const label of labels) {
    const mapped = own.includes(label) ? label : table.get(label);
    if (mapped !== undefined && !out.includes(mapped)) out.push(mapped);
  }
  return out;
}
