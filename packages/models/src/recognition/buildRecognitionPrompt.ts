/**
 * Builds the emotion-recognition prompt of Peng et al. (ICASSP 2024, arXiv 2310.14225):
 * `Classify the emotion of the sentence to E1, E2, ... or Ek: <sentence>`.
 *
 * The paper classifies sentiment with "Classify the sentiment of ..."; for emotion label sets
 * the noun is "emotion". The same prompt is the user message of the `recognize` fine-tune
 * objective and of `emocrowd eval emotions`, so a model is asked at evaluation exactly what it
 * was trained on. The sentence is passed through unchanged (masks such as `[NAME]` included);
 * only surrounding whitespace is trimmed.
 *
 * @example
 * buildRecognitionPrompt('Thanks!', ['joy', 'gratitude', 'neutral']);
 * // "Classify the emotion of the sentence to joy, gratitude or neutral: Thanks!"
 *
 * @param text - the sentence to classify
 * @param labels - the candidate labels, in the order they should be listed (at least one)
 * @param noun - what is classified: "emotion" (default) or "sentiment"
 * @returns the prompt text
 */
export function buildRecognitionPrompt(
  text: string,
  labels: readonly string[],
  noun: 'emotion' | 'sentiment' = 'emotion',
): string {
  if (labels.length === 0) throw new RangeError('buildRecognitionPrompt needs at least one label');
  const list =
    labels.length === 1 ? (labels[0] as string) : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
  return `Classify the ${noun} of the sentence to ${list}: ${text.trim()}`;
}
