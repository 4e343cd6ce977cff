import type { EstimationTask } from './EstimationTask.js';

/**
 * A battery of estimation questions asked of the same crowd: every persona answers every item.
 *
 * Intuition: a strategy that wins on one question can lose on the next, and a judge's skill can
 * only be measured on other questions than the one being aggregated (Mannes, Soll & Larrick
 * 2014). Each item is a complete question with its own truth, unit, accepted units, plausible
 * range and, when known, the human crowd that answered it.
 */
export interface TaskBattery {
  id: string;
  /** One line saying what the battery asks, e.g. "Lorenz et al. 2011: six questions about Switzerland". */
  title: string;
  /** Where the battery comes from (study, data set), for reports. */
  source: string;
  /** The items, in the order they are asked; ids are distinct. */
  items: readonly EstimationTask[];
}

/** A task: a single question, or a battery of items. */
export type Task = EstimationTask | TaskBattery;

/**
 * Whether a task is a battery (declared with items) rather than a single question.
 *
 * @param task - the task
 * @returns true for a battery
 */
export function isBattery(task: Task): task is TaskBattery {
  return 'items' in task;
}

/**
 * The items a task asks: a battery's items, or the single question itself (a battery of one
 * whose item keeps the task's id).
 *
 * @param task - the task
 * @returns the items, in asking order
 */
export function taskItems(task: Task): readonly EstimationTask[] {
  return isBattery(task) ? task.items : [task];
}

/**
 * The one-line title of a task: a battery's title, or the question.
 *
 * @param task - the task
 * @returns the title
 */
export function taskTitle(task: Task): string {
  return isBattery(task) ? task.title : task.question;
}
