import { EKMAN_GROUPS, SENTIMENT_GROUPS } from '@emocrowd/models';
import type { GoEmotionLabel } from './isGoEmotionLabel.js';

/** Ekman's six basic emotions, the coarse grouping the GoEmotions authors published. */
export type EkmanGroup = 'anger' | 'disgust' | 'fear' | 'joy' | 'sadness' | 'surprise';

/** The GoEmotions authors' sentiment grouping. */
export type SentimentGroup = 'positive' | 'negative' | 'ambiguous';

function invert<G extends string>(groups: Readonly<Record<string, readonly string[]>>): Map<string, G> {
  const out = new Map<string, G>();
  for (const [group, labels] of Object.entries(groups)) {
    for (const label of labels) out.set(label, group as G);
  }
  return out;
}

// One source of truth: the groupings live in @emocrowd/models (ekman_mapping.json, sentiment_mapping.json).
const EKMAN_OF = invert<EkmanGroup>(EKMAN_GROUPS);
const SENTIMENT_OF = invert<SentimentGroup>(SENTIMENT_GROUPS);

/**
 * The Ekman group of a GoEmotions label, from the authors' ekman_mapping.json
 * (Demszky et al. 2020, §5; `EKMAN_GROUPS` in @emocrowd/models).
 *
 * @param label - a GoEmotions label
 * @returns its Ekman group, or 'neutral' for the neutral label
 */
export function ekmanGroupOf(label: GoEmotionLabel): EkmanGroup | 'neutral' {
  return EKMAN_OF.get(label) ?? 'neutral';
}

/**
 * The sentiment group of a GoEmotions label, from the authors' sentiment_mapping.json
 * (`SENTIMENT_GROUPS` in @emocrowd/models).
 *
 * @param label - a GoEmotions label
 * @returns its sentiment group, or 'neutral' for the neutral label
 */
export function sentimentOf(label: GoEmotionLabel): SentimentGroup | 'neutral' {
  return SENTIMENT_OF.get(label) ?? 'neutral';
}
