import { renderTaskDetails } from '../catalog/renderTaskDetails.js';
import { anyTaskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { tasksShowFlags } from '../commands/tasksShow.js';
import { resolveTask } from '../run/resolveTask.js';

/** What `emocrowd tasks show` does; its flags and help are in commands/tasksShow.ts. */
export async function tasksShowAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof tasksShowFlags>): Promise<number> {
  const [spec, extra] = positionals;
  if (spec === undefined)
    throw usageError('tasks show: needs a task id (see: emocrowd tasks) or a task file');
  if (extra !== undefined) throw usageError(`tasks show: unexpected argument "${extra}"; give one task`);
  const task = resolveTask(spec, io.cwd);
  if (flags.json) io.stdout.write(`${JSON.stringify(anyTaskJson(task), null, 2)}\n`);
  else io.stdout.write(renderTaskDetails(task));
  return 0;
}
