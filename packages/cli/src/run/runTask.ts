import { type Task, taskItems } from '@emocrowd/agents';
import { descriptorItems, type RunManifest } from '@emocrowd/crowd';
import { resolveTask } from './resolveTask.js';

/**
 * The task a stored run asked, resolved again from its request (a built-in id, or a task file
 * relative to the directory the run was started in), for what run.json does not hold: each
 * question's human crowd. It is used only when it still describes the run: the same id and the
 * same items with the same truths.
 *
 * @param manifest the run's manifest
 * @param cwd where relative paths start when the manifest does not say
 * @returns the task, or why there is none (the file moved or changed)
 */
export function runTask(manifest: RunManifest, cwd: string): { task?: Task; note?: string } {
  const spec = manifest.request.task;
  if (typeof spec !== 'string') return { note: 'run.json names no task to find human crowds with' };
  let task: Task;
  try {
    task = resolveTask(spec, manifest.cwd ?? cwd);
  } catch (error) {
    return {
      note: `no fidelity: the task ${spec} cannot be read again (${(error as Error).message.split('\n')[0]})`,
    };
  }
  const stored = descriptorItems(manifest.descriptor.task);
  const items = taskItems(task);
  const same =
    task.id === manifest.descriptor.task.id &&
    items.length === stored.length &&
    items.every((item, i) => item.id === stored[i]?.id && item.truth.value === stored[i]?.truth);
  if (!same) return { note: `no fidelity: the task ${spec} has changed since the run` };
  return { task };
}
