import { listBatteries, listTasks } from '@emocrowd/agents';
import { renderTaskList } from '../catalog/renderTaskList.js';
import { anyTaskJson, taskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import { type CommandDef, defineCommand } from '../command/defineCommand.js';

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
  flags: {
    json: {
      type: 'boolean',
      description: 'Print {"tasks": [...], "batteries": [...]} on stdout instead of tables.',
    },
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
    const batteries = listBatteries();
    if (flags.json) {
      const json = { tasks: tasks.map(taskJson), batteries: batteries.map(anyTaskJson) };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else io.stdout.write(renderTaskList([...tasks, ...batteries]));
    return 0;
  },
});
