import { type EstimationTask, isBattery, type Task } from '@emocrowd/agents';

/** A task as `--json` prints it: stable keys, in a fixed order. */
export interface TaskJson {
  id: string;
  question: string;
  /** Where the wording comes from, when it is not the original study's own. */
  questionSource?: string;
  unit: string;
  unitName: string;
  truth: { value: number; unit: string; kind: string; source: string; confirmed: boolean };
  plausibleRange: [number, number];
  units: { unit: string; factor: number; aliases: string[] }[];
  subject: { kind: string; description: string; places: string[] };
  /** The human crowd of the question, when it has one. */
  human?: { file: string; column: string; filter: Record<string, string>; note: string };
}

/** A battery as `--json` prints it. */
export interface BatteryJson {
  id: string;
  title: string;
  source: string;
  items: TaskJson[];
}

/**
 * The JSON view of a task for `emocrowd tasks --json` and `tasks show --json`.
 *
 * Intuition: scripts read these keys, so they are listed explicitly rather than dumping the
 * internal object (whose optional fields come and go). The truth repeats the unit so it can be
 * read on its own.
 *
 * @param task - the task
 * @returns the JSON-ready object
 */
export function taskJson(task: EstimationTask): TaskJson {
  return {
    id: task.id,
    question: task.question,
    ...(task.questionSource ? { questionSource: task.questionSource } : {}),
    unit: task.unit,
    unitName: task.unitName,
    truth: {
      value: task.truth.value,
      unit: task.unit,
      kind: task.truth.kind,
      source: task.truth.source,
      confirmed: task.truth.confirmed,
    },
    plausibleRange: [task.plausibleRange[0], task.plausibleRange[1]],
    units: task.units.map((u) => ({ unit: u.unit, factor: u.factor, aliases: [...u.aliases] })),
    subject: {
      kind: task.subject.kind,
      description: task.subject.description,
      places: [...(task.subject.places ?? [])],
    },
    ...(task.humanData
      ? {
          human: {
            file: task.humanData.file,
            column: task.humanData.column,
            filter: { ...(task.humanData.filter ?? {}) },
            note: task.humanData.note,
          },
        }
      : {}),
  };
}

/**
 * The JSON view of a task of either kind: a question (`taskJson`), or a battery with its items.
 *
 * @param task - the task
 * @returns the JSON-ready object
 */
export function anyTaskJson(task: Task): TaskJson | BatteryJson {
  if (!isBattery(task)) return taskJson(task);
  return { id: task.id, title: task.title, source: task.source, items: task.items.map(taskJson) };
}
