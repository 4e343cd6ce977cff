import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { batchServerFlags, outputFlags } from '../flags.js';

/** The flags of `emocrowd batch status`. */
export const batchStatusFlags = { ...batchServerFlags, ...outputFlags } as const satisfies FlagDefs;

/** `emocrowd batch status DIR`: where a run's batches are. */
export const batchStatusCommand = defineCommand({
  meta: {
    name: 'batch status',
    usage: 'DIR',
    description:
      "Show the run's batch exports and, for the batches submitted and not final, their status now on the server (validating, in_progress, finalizing, completed, failed, expired, cancelling, cancelled) with their request counts.",
    examples: ['emocrowd batch status runs/b', 'emocrowd batch status runs/b --json'],
  },
  flags: batchStatusFlags,
  run: async (context) => (await import('../actions/batchStatusAction.js')).batchStatusAction(context),
});
