import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { batchFileFlags, outputFlags } from '../flags.js';

/** The flags of `emocrowd batch export`. */
export const batchExportFlags = {
  out: {
    type: 'string',
    valueName: 'FILE',
    description:
      'The batch input file (split into FILE-001.jsonl, ... beyond the limits). Default: DIR/batch/requests-r<round>.jsonl.',
  },
  'include-failed': {
    type: 'boolean',
    description:
      'Also export the requests whose stored answer failed (their answers replace the failures on import).',
  },
  ...batchFileFlags,
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd batch export DIR`: the next round's requests as batch input files. */
export const batchExportCommand = defineCommand({
  meta: {
    name: 'batch export',
    usage: 'DIR',
    description:
      "Write the requests the run in DIR would send next, one OpenAI Batch line each (the online request's exact body, a custom_id naming run, persona, replicate, round and item), without calling any model: the first round with requests unanswered, as later rounds depend on it. Answers the response cache holds are stored instead.",
    examples: [
      'emocrowd batch export runs/b --out requests.jsonl',
      'emocrowd batch export runs/b --include-failed --out retry.jsonl',
    ],
  },
  flags: batchExportFlags,
  run: async (context) => (await import('../actions/batchExportAction.js')).batchExportAction(context),
});
