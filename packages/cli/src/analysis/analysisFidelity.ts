import { taskItems } from '@emocrowd/agents';
import { type DataTable, type HumanFidelity, humanFidelity, type ResponseRecord } from '@emocrowd/crowd';
import { runTask } from '../run/runTask.js';
import { crowdFidelity, type HumanSpec } from './crowdFidelity.js';
import type { EstimateInput } from './loadEstimateInput.js';

/** One crowd (a question, or an item of a battery) to compare with its human crowd. */
export interface FidelityTarget {
  /** The battery item's id (undefined for a single question). */
  item?: string;
  truth: number;
  /** The crowd's estimates as analysed (a CSV's; a run's are taken from round 0). */
  values: readonly number[];
  /** Placeholder values for `--human-column` and `--human-filter` ({item}, split columns). */
  vars: Readonly<Record<string, string>>;
}

/**
 * The fidelity of each crowd `analyze` reports: against `--human` when given, else, for a run,
 * against the human crowd its task names for the question (built-in tasks, task files with
 * `human`). A run is compared through its independent answers (round 0), as its own summary is;
 * a CSV through the crowd as analysed.
 *
 * @param input the input
 * @param targets the crowds
 * @param spec the `--human` flags, if given
 * @param options seed, resamples, working directory
 * @returns one comparison (or undefined) per target, and a note when a run's task cannot be read
 */
export function analysisFidelity(
  input: EstimateInput,
  targets: readonly FidelityTarget[],
  spec: HumanSpec | undefined,
  options: { seed: number; resamples: number; cwd: string },
): { fidelity: (HumanFidelity | undefined)[]; note?: string } {
  const tables = new Map<string, DataTable>();
  const isRun = input.kind === 'run' && input.records !== undefined;
  const valuesOf = (target: FidelityTarget): readonly number[] =>
    isRun ? roundZero(input.records as ResponseRecord[], target.item) : target.values;
  const seedOf = (target: FidelityTarget): number | string =>
    target.item === undefined ? options.seed : `${options.seed}:${target.item}`;
  if (spec) {
    return {
      fidelity: targets.map((target) => {
        const values = valuesOf(target);
        return values.length === 0
          ? undefined
          : crowdFidelity(values, target.truth, spec, target.vars, {
              seed: seedOf(target),
              resamples: options.resamples,
              tables,
            });
      }),
    };
  }
  if (!isRun || !input.manifest) return { fidelity: targets.map(() => undefined) };
  const { task, note } = runTask(input.manifest, options.cwd);
  const humans = new Map(task ? taskItems(task).map((item) => [item.id, item.humanData]) : []);
  const fidelity = targets.map((target) => {
    const human = humans.get(target.item ?? input.manifest?.descriptor.task.id ?? '');
    const values = valuesOf(target);
    if (!human || values.length === 0) return undefined;
    return humanFidelity(values, human, target.truth, {
      seed: seedOf(target),
      resamples: options.resamples,
      tables,
    });
  });
  return { fidelity, ...(note ? { note } : {}) };
}

/** A run's round-0 estimates of one item (or of its only question), by replicate and persona. */
function roundZero(records: readonly ResponseRecord[], item: string | undefined): number[] {
  return records
    .filter(
      (r) =>
        r.round === 0 &&
        r.status === 'ok' &&
        r.estimate !== undefined &&
        (item === undefined || r.item === item),
    )
    .sort((a, b) => a.replicate - b.replicate || a.personaIndex - b.personaIndex)
    .map((r) => r.estimate as number);
}
