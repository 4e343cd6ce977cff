import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { batchFileFlags, batchPollFlags, batchServerFlags, outputFlags } from '../flags.js';

/** The flags of `emocrowd batch submit`. */
export const batchSubmitFlags = {
  wait: {
    type: 'boolean',
    description: 'Wait for the batches, import them, and submit the next round until every answer is stored.',
  },
  'include-failed': {
    type: 'boolean',
    description: 'A new export also asks the requests whose stored answer failed.',
  },
  ...batchPollFlags,
  ...batchFileFlags,
  ...batchServerFlags,
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd batch submit DIR`: the run's next requests to a Batch API. */
export const batchSubmitCommand = defineCommand({
  meta: {
    name: 'batch submit',
    usage: 'DIR',
    description:
      "Submit the run's next requests to a server with /v1/files and /v1/batches (OpenAI, Azure OpenAI, a LiteLLM proxy): its open export, else a new export of the next round; each file is uploaded and becomes a batch. Every step is recorded in DIR, so a killed CLI continues where it stopped. With --wait, also waits, imports, and goes on round after round until the run is answered.",
    examples: [
      'emocrowd batch submit runs/b --host https://api.openai.com',
      'emocrowd batch submit runs/b --host http://litellm:4000 --wait',
    ],
  },
  flags: batchSubmitFlags,
  run: async (context) => (await import('../actions/batchSubmitAction.js')).batchSubmitAction(context),
});
