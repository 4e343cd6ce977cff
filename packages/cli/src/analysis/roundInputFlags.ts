import type { FlagDef } from '../command/defineCommand.js';

/**
 * The flags of `analyze` that follow crowds across rounds (a multi-round run, or human data
 * such as Lorenz et al. 2011's E1..E5): wide (one column per round) or long (a round column).
 */
export const roundInputFlags = {
  rounds: {
    type: 'string',
    valueName: 'COL1,COL2,...',
    description:
      'Round-by-round report, wide data: the columns of the rounds, in order (e.g. response_1,response_2,response_3).',
  },
  'round-column': {
    type: 'string',
    valueName: 'NAME',
    description:
      "Round-by-round report, long data: the column naming each answer's round (for a run: round), with --column and --respondent-column.",
  },
  'respondent-column': {
    type: 'string',
    valueName: 'NAME',
    description:
      'Who answered, to follow each person from round to round (--round-column) or item to item (--item-column: required; --item-columns: default the row); several columns together identify one (e.g. Session_Date,Subject). Default for a run: personaIndex.',
  },
  'shown-columns': {
    type: 'string',
    valueName: 'COL1,...',
    description:
      'With --rounds: per transition, the column with what each person was shown before the next round (e.g. mean.neighbor.time1,mean.neighbor.time2); gives revision weights.',
  },
  'shown-column': {
    type: 'string',
    valueName: 'NAME',
    description:
      'With --round-column: the column with what the person was shown before that answer (default for a run: shown).',
  },
} as const satisfies Record<string, FlagDef>;
