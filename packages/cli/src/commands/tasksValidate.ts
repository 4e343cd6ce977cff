import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd tasks validate`. */
export const tasksValidateFlags = {
  json: { type: 'boolean', description: 'Print {"file", "valid": true, "tasks": [...]} on success.' },
} as const satisfies FlagDefs;

/** `emocrowd tasks validate FILE`: checks a JSON/YAML task file. */
export const tasksValidateCommand = defineCommand({
  meta: {
    name: 'tasks validate',
    description:
      'Check a JSON or YAML task file (one task, one battery, or {tasks: [...]}) and list the tasks it defines; when it is invalid, print one line naming the file, the path inside it and what was expected, and exit 2.',
    usage: 'FILE',
    examples: ['emocrowd tasks validate my-tasks.yaml', 'emocrowd tasks validate task.json --json'],
  },
  flags: tasksValidateFlags,
  run: async (context) => (await import('../actions/tasksValidateAction.js')).tasksValidateAction(context),
});
