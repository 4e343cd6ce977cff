import { type CommandDef, defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd tasks`. */
export const tasksFlags = {
  json: {
    type: 'boolean',
    description: 'Print {"tasks": [...], "batteries": [...]} on stdout instead of tables.',
  },
} as const satisfies FlagDefs;

/** `emocrowd tasks`: the built-in estimation tasks; `tasks show ID`, `tasks validate FILE`. */
export const tasksCommand = defineCommand({
  meta: {
    name: 'tasks',
    description:
      'List the built-in estimation tasks (id, truth with its unit, kind and source, and the question) and batteries (several questions asked of the same crowd, each with its human crowd). Use an id with emocrowd run --task.',
    examples: [
      'emocrowd tasks',
      'emocrowd tasks show fargo-seattle',
      'emocrowd tasks show lorenz-2011',
      'emocrowd tasks validate my-tasks.yaml',
    ],
  },
  flags: tasksFlags,
  subCommands: {
    show: async () => (await import('./tasksShow.js')).tasksShowCommand as unknown as CommandDef,
    validate: async () => (await import('./tasksValidate.js')).tasksValidateCommand as unknown as CommandDef,
  },
  run: async (context) => (await import('../actions/tasksAction.js')).tasksAction(context),
});
