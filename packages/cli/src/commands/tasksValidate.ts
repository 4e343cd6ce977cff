import { resolve } from 'node:path';
import { loadTaskFile, type Task } from '@emocrowd/agents';
import { definitionFileMessage } from '../catalog/definitionFileMessage.js';
import { renderTaskList } from '../catalog/renderTaskList.js';
import { anyTaskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';

/** `emocrowd tasks validate FILE`: checks a JSON/YAML task file. */
export const tasksValidateCommand = defineCommand({
  meta: {
    name: 'tasks validate',
    description:
      'Check a JSON or YAML task file (one task, one battery, or {tasks: [...]}) and list the tasks it defines; when it is invalid, print one line naming the file, the path inside it and what was expected, and exit 2.',
    usage: 'FILE',
    examples: ['emocrowd tasks validate my-tasks.yaml', 'emocrowd tasks validate task.json --json'],
  },
  flags: {
    json: { type: 'boolean', description: 'Print {"file", "valid": true, "tasks": [...]} on success.' },
  },
  async run({ flags, positionals, io }) {
    const [file, extra] = positionals;
    if (file === undefined) throw usageError('tasks validate: needs a task file (JSON or YAML)');
    if (extra !== undefined)
      throw usageError(`tasks validate: unexpected argument "${extra}"; give one file`);
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
  },
});
