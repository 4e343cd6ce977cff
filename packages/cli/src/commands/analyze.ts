import { batteryInputFlags } from '../analysis/batteryInputFlags.js';
import { estimateInputFlags } from '../analysis/estimateInputFlags.js';
import { humanInputFlags } from '../analysis/humanInputFlags.js';
import { roundInputFlags } from '../analysis/roundInputFlags.js';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { analysisFlags, outputFlags } from '../flags.js';

/** The flags of `emocrowd analyze`. */
export const analyzeFlags = {
  ...estimateInputFlags,
  ...roundInputFlags,
  ...batteryInputFlags,
  ...humanInputFlags,
  ...analysisFlags,
  'woc-ties': {
    type: 'string',
    choices: ['both', 'strict'],
    description:
      'How the WOC indicator counts answers equal to the truth: on both sides, min(#x <= T, #x >= T), or on neither (strict). See docs/metrics.md.',
    default: 'both',
  },
  'manipulation-check': {
    type: 'boolean',
    description:
      'For a run: classify each answer text and report how often it expresses the assigned emotion.',
    default: true,
  },
  json: outputFlags.json,
} as const satisfies FlagDefs;

/** `emocrowd analyze`: every metric and strategy on a run's answers or a CSV of human estimates. */
export const analyzeCommand = defineCommand({
  meta: {
    name: 'analyze',
    description:
      "Compute every aggregation strategy and wisdom-of-crowds metric (with the subset-size analysis and group breakdowns) on a run or on a CSV of human estimates. Rows that are not numbers are counted and reported. For a run, also checks how often answers express their assigned emotion (manipulation check). With --rounds or --round-column, follow each crowd across rounds: every round's summary, revision weights, improvement and its tests between groups. A battery (a run of one, or a CSV with --item-column or --item-columns) is analysed item by item and across items: strategies ranked over the items, cue strategies with each judge's skill on the other items, and the respondents' skill. Crowds with a human crowd (built-in tasks, or --human) are compared with it: median and dispersion ratios, Kolmogorov-Smirnov, Wasserstein-1.",
    examples: [
      'emocrowd analyze --input runs/20261122-081500-fargo-seattle-synthetic',
      'emocrowd analyze --input silver_jellybean_Jb1.csv --column E1 --truth 250',
      'emocrowd analyze --input becker_2017.csv --column response_1 --truth-column truth --filter task=1a --group-by network',
      'emocrowd analyze --input becker_2017.csv --column response_1 --truth-column truth --group-by task --json',
      'emocrowd analyze --input becker_2017.csv --rounds response_1,response_2,response_3 --shown-columns mean.neighbor.time1,mean.neighbor.time2 --truth-column truth --split-by task,group_number --group-by network',
      'emocrowd analyze --input lorenz_2011.csv --rounds E1,E2,E3,E4,E5 --truth-column Truth --split-by Session_Date,Question --group-by Information_Condition',
      'emocrowd analyze --input runs/20261122-081500-fargo-seattle-synthetic --round-column round',
      'emocrowd analyze --input lorenz_2011.csv --item-column Question --respondent-column Session_Date,Subject --column E1 --truth-column Truth',
      'emocrowd analyze --input responses.csv --item-columns q1..q20 --truth-file questions.csv --truth-file-column calGold',
      'emocrowd analyze --input runs/20261122-090000-lorenz-2011-synthetic --human lorenz_2011.csv --human-column E1 --human-filter Question={item}',
    ],
  },
  flags: analyzeFlags,
  run: async (context) => (await import('../actions/analyzeAction.js')).analyzeAction(context),
});
