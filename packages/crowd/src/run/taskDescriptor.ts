import { type EstimationTask, isBattery, type Task } from '@emocrowd/agents';
import type { ItemDescriptor, TaskDescriptor } from '../events/RunDescriptor.js';

/**
 * What run.json records of a task: for a single question its id, question, unit, truth and the
 * truth's source (as before batteries existed, so single-question runs keep their descriptors);
 * for a battery its id, its title as `question`, and each item's.
 *
 * @param task - the task
 * @returns the descriptor's `task`
 */
export function taskDescriptor(task: Task): TaskDescriptor {
  if (!isBattery(task)) return itemDescriptor(task);
  return { id: task.id, question: task.title, items: task.items.map(itemDescriptor) };
}

function itemDescriptor(item: EstimationTask): ItemDescriptor {
  return {
    id: item.id,
    question: item.question,
    unit: item.unit,
    truth: item.truth.value,
    truthSource: item.truth.source,
  };
}
