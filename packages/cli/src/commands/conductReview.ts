import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd conduct review`. */
export const conductReviewFlags = {
  file: {
    type: 'string',
    valueName: 'FILE',
    description: 'The review file (default: RUN/conduct-review.yaml).',
  },
  flagged: {
    type: 'integer',
    valueName: 'N',
    description: 'A new review lists at most N flagged answers (a seeded sample when there are more).',
    default: 50,
    min: 1,
  },
  controls: {
    type: 'integer',
    valueName: 'N',
    description: 'A new review adds N unflagged answers as controls (default: as many as flagged ones).',
    min: 0,
  },
  out: {
    type: 'string',
    valueName: 'FILE',
    description: "Write the run's code with the decisions as examples to FILE (a new file).",
  },
  json: { type: 'boolean', description: 'Print one JSON object.' },
} as const satisfies FlagDefs;

/** `emocrowd conduct review RUN`: a person checks the judge, the decisions refine the code. */
export const conductReviewCommand = defineCommand({
  meta: {
    name: 'conduct review',
    description:
      "Review the conduct judge's verdicts of a run. The first time, writes RUN/conduct-review.yaml: the flagged answers and as many unflagged ones (controls), mixed, for a person to accept or reject in any editor (or in the viewer). Run again to read the decisions: it reports the agreement of judge and reviewer (Cohen's kappa with a bootstrap interval) and, with --out, writes a refined code of conduct whose examples are the decisions, for the next run's --conduct.",
    usage: 'RUN',
    examples: [
      'emocrowd conduct review runs/my-run',
      'emocrowd conduct review runs/my-run --out refined-code.yaml',
    ],
  },
  flags: conductReviewFlags,
  run: async (context) => (await import('../actions/conductReviewAction.js')).conductReviewAction(context),
});
