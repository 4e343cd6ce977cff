/**
 * The 28 GoEmotions labels (27 emotions + neutral), in the order of the dataset's
 * `emotions.txt`: a label's id is its index here (0 = admiration, 27 = neutral).
 *
 * The TSV files store label ids, not names; this constant is the one place that turns an id
 * into a name, embedded so the package works without the dataset folder.
 *
 * Source: Demszky et al., "GoEmotions: A Dataset of Fine-Grained Emotions", ACL 2020;
 * google-research/google-research, goemotions/data/emotions.txt.
 */
export const GOEMOTIONS_LABELS = [
  'admiration',
  'amusement',
  'anger',
  'annoyance',
  'approval',
  'caring',
  'confusion',
  'curiosity',
  'desire',
  'disappointment',
  'disapproval',
  'disgust',
  'embarrassment',
  'excitement',
  'fear',
  'gratitude',
  'grief',
  'joy',
  'love',
  'nervousness',
  'optimism',
  'pride',
  'realization',
  'relief',
  'remorse',
  'sadness',
  'surprise',
  'neutral',
] as const;

/** One of the 28 GoEmotions label names. */
export type GoEmotionsLabel = (typeof GOEMOTIONS_LABELS)[number];

/**
 * Returns the name of a GoEmotions label id.
 *
 * @param id - label id, 0..27 (the index in `emotions.txt`)
 * @returns the label name
 * @throws RangeError when the id is not a GoEmotions id
 */
export function goEmotionsLabelName(id: number): GoEmotionsLabel {
  const name = GOEMOTIONS_LABELS[id];
  if (name === undefined) throw new RangeError(`not a GoEmotions label id: ${id} (expected 0..27)`);
  return name;
}

/**
 * Returns the id of a GoEmotions label name (exact, lower-case name).
 *
 * @param name - a label name such as "joy"
 * @returns its id, or -1 when the name is not a GoEmotions label
 */
export function goEmotionsLabelId(name: string): number {
  return (GOEMOTIONS_LABELS as readonly string[]).indexOf(name);
}
