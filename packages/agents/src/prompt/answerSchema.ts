import type { JsonSchema } from '@emocrowd/models';

/**
 * The JSON schema of an answer, sent as the backend's structured-output format (Ollama
 * `format`, OpenAI `response_format`): `{"estimate": number, "confidence": 0..1, "reasoning": short}`.
 *
 * Intuition: constrained decoding makes answers machine-readable, so fewer are lost to
 * parsing; the prompt states the same format in words for backends without structured output.
 */
export const ANSWER_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    estimate: { type: 'number', description: "The estimate, a single number in the task's unit." },
    confidence: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'How sure you are, from 0 (guess) to 1 (certain).',
    },
    reasoning: { type: 'string', maxLength: 300, description: 'One short sentence.' },
  },
  required: ['estimate', 'confidence', 'reasoning'],
  additionalProperties: false,
};
