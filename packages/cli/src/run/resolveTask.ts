import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DefinitionFileError, findTask, listAllTasks, loadTaskFile, type Task } from '@emocrowd/agents';
import { usageError } from '../command/CliError.js';

/**
 * Resolves `--task ID|FILE`: a built-in task or battery id, or a JSON/YAML task file (its first
 * task, or `FILE#id` for another). Errors are one line naming the flag or the file and the fix.
 */
export function resolveTask(spec: string, cwd: string): Task {
  const [file, fragment] = spec.split('#') as [string, string | undefined];
  const looksLikeFile = /\.(ya?ml|json)$/i.test(file) || file.includes('/') || existsSync(resolve(cwd, file));
  if (!looksLikeFile) {
    const found = findTask(spec);
    if (found) return found;
    throw usageError(
      `--task: unknown task "${spec}"; built-in tasks: ${listAllTasks()
        .map((t) => t.id)
        .join(', ')} (or give a task file)`,
    );
  }
  const path = resolve(cwd, file);
  if (!existsSync(path))
    throw usageError(
      `--task: no such file ${file}; give a built-in task id or an existing JSON/YAML task file`,
    );
  let tasks: Task[];
  try {
    tasks = loadTaskFile(path);
  } catch (error) {
    if (error instanceof DefinitionFileError) throw usageError(error.message);
    throw usageError(`${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  if (fragment === undefined) {
    const first = tasks[0];
    if (!first) throw usageError(`${file}: defines no task`);
    return first;
  }
  const found = tasks.find((t) => t.id === fragment);
  if (!found)
    throw usageError(`${file}: no task "${fragment}"; it defines ${tasks.map((t) => t.id).join(', ')}`);
  return found;
}
