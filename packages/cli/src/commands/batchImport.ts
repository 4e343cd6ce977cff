import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { outputFlags } from '../flags.js';

/** The flags of `emocrowd batch import`. */
export const batchImportFlags = { ...outputFlags } as const satisfies FlagDefs;

/** `emocrowd batch import DIR FILE...`: batch answers into a run. */
export const batchImportCommand = defineCommand({
  meta: {
    name: 'batch import',
    usage: 'DIR FILE...',
    description:
      'Read batch output files (OpenAI Batch output and error files, vllm run-batch output) into the run in DIR exactly as online answers arrive: parsed, stored in responses.jsonl, cached, summarised. Importing twice adds nothing; a custom_id of another run, or for a request the run does not ask, is refused and nothing is stored. Lists the requests still missing or failed.',
    examples: [
      'emocrowd batch import runs/b results.jsonl',
      'emocrowd batch import runs/b output.jsonl errors.jsonl --json',
    ],
  },
  flags: batchImportFlags,
  run: async (context) => (await import('../actions/batchImportAction.js')).batchImportAction(context),
});
