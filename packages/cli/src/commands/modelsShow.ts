import { ollamaHostFlag } from '../catalog/ollamaHostFlag.js';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd models show`. */
export const modelsShowFlags = {
  ...ollamaHostFlag,
  json: { type: 'boolean', description: 'Print the details as one JSON object.' },
} as const satisfies FlagDefs;

/** `emocrowd models show NAME`: one model's details and Modelfile. */
export const modelsShowCommand = defineCommand({
  meta: {
    name: 'models show',
    description:
      'Show one Ollama model: family, size, quantisation, capabilities, context length, system prompt, parameters and its Modelfile.',
    usage: 'NAME',
    examples: ['emocrowd models show llama3.2:1b', 'emocrowd models show emollama --json'],
  },
  flags: modelsShowFlags,
  run: async (context) => (await import('../actions/modelsShowAction.js')).modelsShowAction(context),
});
