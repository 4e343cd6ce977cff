import type { FlagDef } from '../command/defineCommand.js';

/**
 * The flags of `analyze` and `compare` that say where the estimates are and which of them form
 * the crowd, defined once so both commands name and explain them alike.
 */
export const estimateInputFlags = {
  input: {
    type: 'string',
    valueName: 'PATH',
    description: 'A run directory, a responses.jsonl, or a CSV file of estimates with a header line.',
  },
  column: {
    type: 'string',
    valueName: 'NAME',
    description: 'The column of estimates (required for a CSV; default for a run: estimate).',
  },
  truth: {
    type: 'number',
    valueName: 'X',
    description: 'The true value (default for a run: its task truth).',
  },
  'truth-column': {
    type: 'string',
    valueName: 'NAME',
    description: "A column holding each row's truth (a file with several questions).",
  },
  'confidence-column': {
    type: 'string',
    valueName: 'NAME',
    description: 'A column of self-reported confidence, for confidence-weighted strategies.',
  },
  'split-by': {
    type: 'string',
    valueName: 'LIST',
    description:
      'Make each combination of these columns its own crowd (e.g. task,group_number); --group-by then breaks down (or, with rounds, tallies) the crowds.',
  },
  'cue-column': {
    type: 'string',
    valueName: 'NAME',
    description:
      "A column of each judge's ability cue measured elsewhere (lower = better, e.g. an error on a calibration question), for the cue strategies (selectCrowd, bestEmotionSubset).",
  },
  filter: {
    type: 'string',
    valueName: 'COL=VALUE',
    multiple: true,
    description: 'Keep only rows whose column has this value (e.g. task=1a).',
  },
  seed: {
    type: 'integer',
    description: 'Seed of the subset permutations and bootstrap.',
    default: 0,
    min: 0,
  },
} as const satisfies Record<string, FlagDef>;
