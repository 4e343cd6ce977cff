import { listBatteries, listTasks } from '@emocrowd/agents';
import { renderTaskList } from '../catalog/renderTaskList.js';
import { anyTaskJson, taskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { tasksFlags } from '../commands/tasks.js';

/** What `emocrowd tasks` does; its flags and help are in commands/tasks.ts. */
export async function tasksAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof tasksFlags>): Promise<number> {
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
}
