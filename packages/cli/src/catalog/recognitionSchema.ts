import type { JsonSchema } from '@emocrowd/models';

/**
 * The structured-output schema of a recognition answer: `{"labels": [one or more of the candidates]}`.
 *
 * Intuition: with Ollama's `format` set to this schema the model can only answer with candidate
 * labels, which removes most parsing failures; free text is still read with
 * `parseEmotionLabels` when a server ignores the schema.
 *
 * @param labels - the candidate labels
 * @returns the JSON schema
 */
export function recognitionSchema(labels: readonly string[]): JsonSchema {
  return {
    type: 'object',
    properties: {
      labels: { type: 'array', items: { type: 'string', enum: [...labels] }, minItems: 1 },
    },
    required: ['labels'],
  };
}
