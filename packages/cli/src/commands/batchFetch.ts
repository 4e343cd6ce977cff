import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { batchPollFlags, batchServerFlags, outputFlags } from '../flags.js';

/** The flags of `emocrowd batch fetch`. */
export const batchFetchFlags = {
  once: {
    type: 'boolean',
    description: 'Check once: import if every batch is done, else show where they are and exit 0.',
  },
  ...batchPollFlags,
  ...batchServerFlags,
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd batch fetch DIR`: wait for the run's batches, download and import their answers. */
export const batchFetchCommand = defineCommand({
  meta: {
    name: 'batch fetch',
    usage: 'DIR',
    description:
      "Wait for the run's submitted batches (checking with back-off), download their output and error files into DIR/batch/, and import them as online answers arrive. Interrupted or killed, it picks up from what it stored in DIR.",
    examples: ['emocrowd batch fetch runs/b', 'emocrowd batch fetch runs/b --once'],
  },
  flags: batchFetchFlags,
  run: async (context) => (await import('../actions/batchFetchAction.js')).batchFetchAction(context),
});
