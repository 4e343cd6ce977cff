import { type ModelResponse, parseEmotionLabels } from '@emocrowd/models';

/**
 * The labels a model's recognition answer names.
 *
 * Behaviour: a structured answer `{"labels": [...]}` is read first, each entry through
 * `parseEmotionLabels` (so "Joy" or "happiness" still count); when it yields nothing, the raw
 * text is read with `parseEmotionLabels` (synonyms, group members, negations skipped).
 *
 * @param response - the model's response
 * @param labels - the candidate labels
 * @returns the labels named, in order, possibly none (unparsed)
 */
export function readRecognitionAnswer(response: ModelResponse, labels: readonly string[]): string[] {
  const structured = response.structured as { labels?: unknown } | undefined;
  if (structured && Array.isArray(structured.labels)) {
    const named = structured.labels.filter((l): l is string => typeof l === 'string');
    const found = parseEmotionLabels(named.join(', '), labels);
    if (found.length > 0) return found;
  }
  return parseEmotionLabels(response.text, labels);
}
