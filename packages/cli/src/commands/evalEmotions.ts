import { backendRegistry, createBackendRegistry } from '@emocrowd/models/backends';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { backendFlags, modelChoiceFlags } from '../flags.js';
import { describeModelForms } from '../run/describeBackends.js';

/** The backends that can recognise emotions: the language models. */
export const languageModels = createBackendRegistry(
  backendRegistry.definitions.filter((d) => d.isLanguageModel),
);

/** The flags of `emocrowd eval emotions`. */
export const evalEmotionsFlags = {
  model: {
    type: 'string',
    valueName: 'SPEC',
    description: `builtin (the shipped classifier), or a language model: ${describeModelForms(languageModels)}.`,
    default: 'builtin',
  },
  host: modelChoiceFlags.host,
  ...backendFlags,
  goemotions: {
    type: 'string',
    valueName: 'DIR',
    description: 'GoEmotions folder. Default: the copy shipped with emocrowd.',
  },
  split: {
    type: 'string',
    choices: ['train', 'dev', 'test'],
    description: 'GoEmotions split.',
    default: 'test',
  },
  labels: {
    type: 'string',
    choices: ['goemotions', 'ekman', 'sentiment'],
    description: 'Label level scored.',
    default: 'goemotions',
  },
  limit: { type: 'integer', valueName: 'N', description: 'Only the first N rows of the split.', min: 1 },
  concurrency: {
    type: 'integer',
    description: 'Model calls in flight at most.',
    default: 8,
    min: 1,
    max: 1024,
  },
  structured: {
    type: 'boolean',
    description: 'Ask LLMs for {"labels": [...]} structured output (--no-structured: free text).',
    default: true,
  },
  temperature: {
    type: 'number',
    description: 'Sampling temperature of LLM calls.',
    default: 0,
    min: 0,
    max: 2,
  },
  'max-tokens': {
    type: 'integer',
    description: 'Most tokens an LLM answer may have.',
    default: 64,
    min: 1,
  },
  seed: { type: 'integer', description: 'Seed of every LLM call.', default: 42, min: 0 },
  timeout: {
    type: 'integer',
    valueName: 'MS',
    description: 'Per-request timeout in milliseconds.',
    default: 120000,
    min: 1,
  },
  retries: { type: 'integer', description: 'Retries of a failed request.', default: 3, min: 0, max: 20 },
  json: {
    type: 'boolean',
    description: 'Print the full report (with the confusion matrix) as one JSON object.',
  },
  quiet: { type: 'boolean', short: 'q', description: 'No progress indicator on stderr.' },
} as const satisfies FlagDefs;

/** `emocrowd eval emotions`: emotion recognition scores of a model on a GoEmotions split. */
export const evalEmotionsCommand = defineCommand({
  meta: {
    name: 'eval emotions',
    description:
      'Score emotion recognition on a GoEmotions split: accuracy, macro-F1, per-class F1 and the confusion matrix. builtin is the shipped classifier (no server); LLMs are asked the recognition prompt (structured output where the server supports it) and their answers read with synonyms.',
    examples: [
      'emocrowd eval emotions --model builtin',
      'emocrowd eval emotions --model builtin --labels ekman --json',
      'emocrowd eval emotions --model ollama:emollama --host http://gpu-box:11434 --limit 500',
    ],
  },
  flags: evalEmotionsFlags,
  run: async (context) => (await import('../actions/evalEmotionsAction.js')).evalEmotionsAction(context),
});
