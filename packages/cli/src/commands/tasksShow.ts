import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd tasks show`. */
export const tasksShowFlags = {
  json: { type: 'boolean', description: 'Print the task as one JSON object.' },
} as const satisfies FlagDefs;

/** `emocrowd tasks show ID|FILE[#id]`: everything about one task. */
export const tasksShowCommand = defineCommand({
  meta: {
    name: 'tasks show',
    description:
      'Show one task: question, truth with unit, kind and source, plausible range, accepted units, subject, human crowd; for a battery, every item.',
    usage: 'ID|FILE[#ID]',
    examples: [
      'emocrowd tasks show fargo-seattle',
      'emocrowd tasks show calorie-quiz',
      'emocrowd tasks show my-tasks.yaml#cow --json',
    ],
  },
  flags: tasksShowFlags,
  run: async (context) => (await import('../actions/tasksShowAction.js')).tasksShowAction(context),
});
