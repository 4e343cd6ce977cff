import type { FlagDef } from '../command/defineCommand.js';

/**
 * The flags of `analyze` that read a battery of questions (several items answered by the same
 * respondents) from a CSV: long format (one row per respondent and item) or wide format (one row
 * per respondent, one column per item), with the items' truths from a column or a file.
 */
export const batteryInputFlags = {
  'item-column': {
    type: 'string',
    valueName: 'NAME',
    description:
      "Long format: the column naming each row's item (one row per respondent and item); needs --column and --respondent-column.",
  },
  'item-columns': {
    type: 'string',
    valueName: 'LIST',
    description:
      'Wide format: the item columns in battery order, one row per respondent (comma-separated; q1..q20 is a range).',
  },
  'truth-file': {
    type: 'string',
    valueName: 'FILE',
    description:
      "A CSV of the items' truths: one row per item, in battery order, or keyed by --truth-file-key.",
  },
  'truth-file-column': {
    type: 'string',
    valueName: 'NAME',
    description: 'The column of --truth-file holding the truths.',
  },
  'truth-file-key': {
    type: 'string',
    valueName: 'NAME',
    description:
      "The column of --truth-file naming each row's item (an item column of the wide format, an item value of the long one).",
  },
} as const satisfies Record<string, FlagDef>;
