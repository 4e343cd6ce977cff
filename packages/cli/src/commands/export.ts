import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd export`. */
export const exportFlags = {
  format: { type: 'string', choices: ['csv', 'jsonl'], description: 'Output format.', default: 'csv' },
  out: { type: 'string', valueName: 'FILE', description: 'Write to this file instead of stdout.' },
  force: { type: 'boolean', description: 'Overwrite --out if it exists.' },
} as const satisfies FlagDefs;

/** `emocrowd export`: a run as one flat table, for pandas and R. */
export const exportCommand = defineCommand({
  meta: {
    name: 'export',
    usage: 'DIR',
    description:
      'Flatten a run into one row per answer (persona attributes as columns, a stable column order) as CSV or JSON lines, for pandas (read_csv) or R (read.csv). Writes to stdout unless --out is given.',
    examples: [
      'emocrowd export runs/my-run --format csv --out my-run.csv',
      'emocrowd export runs/my-run --format jsonl > my-run.jsonl',
    ],
  },
  flags: exportFlags,
  run: async (context) => (await import('../actions/exportAction.js')).exportAction(context),
});
