import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd conduct`: codes of conduct and the review of a judge's verdicts. */
export const conductCommand = defineCommand({
  meta: {
    name: 'conduct',
    description:
      "Codes of conduct for `emocrowd run --conduct`: show prints a code (the shipped one or a file's) with its judge and revision templates; review writes a run's flagged answers to a file for a person to accept or reject, reads the decisions back, reports the judge-reviewer agreement and writes a refined code whose examples are the decisions.",
    examples: [
      'emocrowd conduct show default',
      'emocrowd conduct review runs/my-run --out refined-code.yaml',
    ],
  },
  flags: {},
  subCommands: {
    show: async () => (await import('./conductShow.js')).conductShowCommand as unknown as CommandDef,
    review: async () => (await import('./conductReview.js')).conductReviewCommand as unknown as CommandDef,
  },
});
