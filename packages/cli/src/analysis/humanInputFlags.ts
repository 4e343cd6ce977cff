import type { FlagDef } from '../command/defineCommand.js';

/**
 * The flags of `analyze` that name the human crowd a crowd's answers are compared with
 * (fidelity). In a battery, `{item}` in a column or filter value stands for each item's id; in a
 * split file, `{COL}` for the crowd's value of a split column.
 */
export const humanInputFlags = {
  human: {
    type: 'string',
    valueName: 'FILE',
    description:
      'A CSV of human answers to the same question(s): compare the crowd with them (median and dispersion ratios, Kolmogorov-Smirnov, Wasserstein-1). Needs --human-column.',
  },
  'human-column': {
    type: 'string',
    valueName: 'NAME',
    description:
      "The human answers' column in --human; {item} stands for a battery item's id (e.g. {item} for the calorie quiz's q1..q20).",
  },
  'human-filter': {
    type: 'string',
    valueName: 'COL=VALUE',
    multiple: true,
    description: 'Keep only rows of --human whose column has this value (e.g. Question={item}).',
  },
} as const satisfies Record<string, FlagDef>;
