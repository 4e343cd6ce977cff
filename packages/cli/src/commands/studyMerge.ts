import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { outputFlags } from '../flags.js';

/** The flags of `emocrowd study merge`. */
export const studyMergeFlags = {
  out: { type: 'string', valueName: 'DIR', description: 'The merged study directory (new or empty).' },
  force: {
    type: 'boolean',
    description: 'Write into --out even if it holds files (its study and run files are replaced).',
  },
  ...outputFlags,
} as const satisfies FlagDefs;

/** `emocrowd study merge`: the shards of one study into one study directory. */
export const studyMergeCommand = defineCommand({
  meta: {
    name: 'study merge',
    usage: 'DIR...',
    description:
      'Merge the shards of one study (emocrowd study run --shard I/N on several machines) into one study directory: each cell merged as emocrowd merge merges a run, then the report. Refuses studies that differ in anything but the shard.',
    examples: ['emocrowd study merge runs/paper-shard1of2 runs/paper-shard2of2 --out runs/paper'],
  },
  flags: studyMergeFlags,
  run: async (context) => (await import('../actions/studyMergeAction.js')).studyMergeAction(context),
});
