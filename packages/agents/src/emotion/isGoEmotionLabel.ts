import { GOEMOTIONS_LABELS, type GoEmotionsLabel } from '@emocrowd/models';

/** One of the 28 GoEmotions label names (the list itself is `GOEMOTIONS_LABELS` in @emocrowd/models). */
export type GoEmotionLabel = GoEmotionsLabel;

const LABEL_SET: ReadonlySet<string> = new Set(GOEMOTIONS_LABELS);

/**
 * True when `name` is one of the 28 GoEmotions labels (exact, lower-case).
 *
 * Intuition: persona files and `--emotions` flags are user text; this narrows it to the label
 * type before it is used as one.
 *
 * @param name - a candidate label
 * @returns whether it is a GoEmotions label
 */
export function isGoEmotionLabel(name: string): name is GoEmotionLabel {
  return LABEL_SET.has(name);
}
