import { resolve } from 'node:path';
import { loadTaskFile, type Task } from '@emocrowd/agents';
import { definitionFileMessage } from '../catalog/definitionFileMessage.js';
import { renderTaskList } from '../catalog/renderTaskList.js';
import { anyTaskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { tasksValidateFlags } from '../commands/tasksValidate.js';

/** What `emocrowd tasks validate` does; its flags and help are in commands/tasksValidate.ts. */
export async function tasksValidateAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof tasksValidateFlags>): Promise<number> {
  const [file, extra] = positionals;
  if (file === undefined) throw usageError('tasks validate: needs a task file (JSON or YAML)');
  if (extra !== undefined) throw usageError(`tasks validate: unexpected argument "${extra}"; give one file`);
  let tasks: Task[];
  try {
    tasks = loadTaskFile(resolve(io.cwd, file));
  } catch (error) {
    throw usageError(definitionFileMessage(error, file));
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ file, valid: true, tasks: tasks.map(anyTaskJson) }, null, 2)}\n`);
  } else {
    io.stdout.write(`${file}: valid, ${tasks.length} task${tasks.length === 1 ? '' : 's'}\n\n`);
    io.stdout.write(renderTaskList(tasks));
  }
  return 0;
}
