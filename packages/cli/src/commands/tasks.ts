import { listTasks } from '@emocrowd/agents';
import { renderTaskList } from '../catalog/renderTaskList.js';
import { taskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd tasks`: the built-in estimation tasks; `tasks show ID`, `tasks validate FILE`. */
export const tasksCommand = defineCommand({
  meta: {
    name: 'tasks',
    description:
      'List the built-in estimation tasks: id, truth with its unit, kind and source, and the question. Use an id with emocrowd run --task.',
    examples: [
      'emocrowd tasks',
      'emocrowd tasks show fargo-seattle',
      'emocrowd tasks validate my-tasks.yaml',
    ],
  },
  flags: {
    json: { type: 'boolean', description: 'Print {"tasks": [...]} on stdout instead of a table.' },
  },
  subCommands: {
    show: async () => (await import('./tasksShow.js')).tasksShowCommand as unknown as CommandDef,
    validate: async () => (await import('./tasksValidate.js')).tasksValidateCommand as unknown as CommandDef,
  },
  async run({ flags, positionals, io }) {
    if (positionals.length > 0)
      throw usageError(
        `tasks: unknown command "${positionals[0]}"; one of: show, validate (see: emocrowd tasks --help)`,
      );
    const tasks = listTasks();
    if (flags.json) io.stdout.write(`${JSON.stringify({ tasks: tasks.map(taskJson) }, null, 2)}\n`);
    else io.stdout.write(renderTaskList(tasks));
    return 0;
  },
});
