import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { outputFlags } from '../flags.js';

/** The flags of `emocrowd merge`. */
export const mergeFlags = {
  out: { type: 'string', valueName: 'DIR', description: 'The merged run directory (new or empty).' },
  force: {
    type: 'boolean',
    description: 'Write into --out even if it holds files (its run files are replaced).',
  },
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd merge`: shards of one run into one run directory. */
export const mergeCommand = defineCommand({
  meta: {
    name: 'merge',
    usage: 'DIR...',
    description:
      'Merge the shards of one run (emocrowd run --shard I/N) into one run directory: answers deduplicated, the summary recomputed over the whole crowd. Refuses runs that differ in anything but the shard.',
    examples: ['emocrowd merge runs/part1 runs/part2 runs/part3 --out runs/whole'],
  },
  flags: mergeFlags,
  run: async (context) => (await import('../actions/mergeAction.js')).mergeAction(context),
});
