import type { EstimationTask } from '@emocrowd/agents';

/** A task as `--json` prints it: stable keys, in a fixed order. */
export interface TaskJson {
  id: string;
  question: string;
  unit: string;
  unitName: string;
  truth: { value: number; unit: string; kind: string; source: string; confirmed: boolean };
  plausibleRange: [number, number];
  units: { unit: string; factor: number; aliases: string[] }[];
  subject: { kind: string; description: string; places: string[] };
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
  };
}
