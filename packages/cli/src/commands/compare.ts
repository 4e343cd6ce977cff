import { estimateInputFlags } from '../analysis/estimateInputFlags.js';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { analysisFlags, outputFlags } from '../flags.js';

/** The flags of `emocrowd compare`. */
export const compareFlags = {
  ...estimateInputFlags,
  strategies: analysisFlags.strategies,
  subsets: analysisFlags.subsets,
  tolerance: analysisFlags.tolerance,
  ks: analysisFlags.ks,
  epsilon: analysisFlags.epsilon,
  width: { type: 'integer', description: 'Chart width in columns.', default: 60, min: 20, max: 400 },
  ascii: { type: 'boolean', description: 'Draw the chart with ASCII characters only.' },
  json: outputFlags.json,
} as const satisfies FlagDefs;

/** `emocrowd compare`: aggregation strategies side by side on one crowd. */
export const compareCommand = defineCommand({
  meta: {
    name: 'compare',
    description:
      "Compare aggregation strategies on one crowd: each one's error, the share of individuals it beats, and its accuracy as the crowd grows (subset-size curves, with the optimal crowd size k).",
    examples: [
      'emocrowd compare --input runs/my-run --strategies mean,median,geometricMean',
      'emocrowd compare --input silver_jellybean_Jb1.csv --column E1 --truth 250 --strategies mean,median,trimmedMean --json',
    ],
  },
  flags: compareFlags,
  run: async (context) => (await import('../actions/compareAction.js')).compareAction(context),
});
