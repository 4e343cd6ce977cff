import { renderTaskDetails } from '../catalog/renderTaskDetails.js';
import { anyTaskJson } from '../catalog/taskJson.js';
import { usageError } from '../command/CliError.js';
import { defineCommand } from '../command/defineCommand.js';
import { resolveTask } from '../run/resolveTask.js';

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
  flags: {
    json: { type: 'boolean', description: 'Print the task as one JSON object.' },
  },
  async run({ flags, positionals, io }) {
    const [spec, extra] = positionals;
    if (spec === undefined)
      throw usageError('tasks show: needs a task id (see: emocrowd tasks) or a task file');
    if (extra !== undefined) throw usageError(`tasks show: unexpected argument "${extra}"; give one task`);
    const task = resolveTask(spec, io.cwd);
    if (flags.json) io.stdout.write(`${JSON.stringify(anyTaskJson(task), null, 2)}\n`);
    else io.stdout.write(renderTaskDetails(task));
    return 0;
  },
});
