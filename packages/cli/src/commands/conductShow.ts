import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd conduct show`. */
export const conductShowFlags = {
  json: { type: 'boolean', description: 'Print the code as JSON.' },
} as const satisfies FlagDefs;

/** `emocrowd conduct show [default|FILE]`: a code of conduct as the judge will use it. */
export const conductShowCommand = defineCommand({
  meta: {
    name: 'conduct show',
    description:
      'Print a code of conduct (default: the shipped wheel of virtues) as YAML, with the judge and revision templates it uses, so it can be copied and changed; a file is checked first and an invalid one is refused with one line naming the path inside it.',
    usage: '[default|FILE]',
    examples: ['emocrowd conduct show', 'emocrowd conduct show my-code.yaml --json'],
  },
  flags: conductShowFlags,
  run: async (context) => (await import('../actions/conductShowAction.js')).conductShowAction(context),
});
