import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd finetune data`. */
export const finetuneDataFlags = {
  goemotions: {
    type: 'string',
    valueName: 'DIR',
    description: 'GoEmotions folder (train.tsv, dev.tsv, test.tsv). Default: the copy shipped with emocrowd.',
  },
  objective: { type: 'string', choices: ['express', 'recognize'], description: 'What the model learns.' },
  format: { type: 'string', choices: ['chat', 'alpaca'], description: 'Record format.', default: 'chat' },
  out: {
    type: 'string',
    valueName: 'FILE.jsonl',
    description: 'Output file (refused when it exists, unless --force).',
  },
  split: {
    type: 'string',
    choices: ['train', 'dev', 'test'],
    description: 'GoEmotions split.',
    default: 'train',
  },
  labels: {
    type: 'string',
    choices: ['goemotions', 'ekman', 'sentiment'],
    description: 'Label level of the records.',
    default: 'goemotions',
  },
  'multi-label': {
    type: 'string',
    choices: ['joint', 'first', 'skip'],
    description: 'Rows with several labels: keep all, keep the first, or drop.',
    default: 'joint',
  },
  balance: { type: 'boolean', description: 'Cap every label at the median label count.' },
  'max-per-label': {
    type: 'integer',
    valueName: 'N',
    description: 'Cap every label at N records.',
    min: 1,
  },
  masks: {
    type: 'string',
    choices: ['keep', 'replace'],
    description: '[NAME]/[RELIGION] masks. Default: replace for express, keep for recognize.',
  },
  seed: {
    type: 'integer',
    description: 'Seed of the sampling, record order and mask replacement.',
    default: 42,
    min: 0,
  },
  force: { type: 'boolean', description: 'Overwrite --out when it exists.' },
  json: {
    type: 'boolean',
    description: 'Print {"out", "records", "skipped", "labelCounts", ...} on stdout instead of a table.',
  },
} as const satisfies FlagDefs;

/** `emocrowd finetune data`: GoEmotions as chat or Alpaca JSONL for LoRA fine-tuning. */
export const finetuneDataCommand = defineCommand({
  meta: {
    name: 'finetune data',
    description:
      'Build fine-tuning records from a GoEmotions split: "express" teaches a model to write as a persona who feels an emotion, "recognize" to name the emotion of a text (the prompt of emocrowd eval emotions). The records are validated, written as JSONL, and counted per label.',
    examples: [
      'emocrowd finetune data --objective express --format chat --out express.jsonl --balance',
      'emocrowd finetune data --goemotions data/goemotions --objective recognize --labels ekman --format alpaca --out ekman.jsonl',
    ],
  },
  flags: finetuneDataFlags,
  run: async (context) => (await import('../actions/finetuneDataAction.js')).finetuneDataAction(context),
});
