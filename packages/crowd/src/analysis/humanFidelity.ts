import type { HumanCrowd } from '@emocrowd/agents';
import type { DataTable } from '../import/DataTable.js';
import { loadHumanCrowd } from '../import/loadHumanCrowd.js';
import { type Fidelity, type FidelityOptions, fidelity } from '../metrics/fidelity.js';

/** `fidelity` against a named human crowd, saying which. */
export interface HumanFidelity extends Fidelity {
  /** The human crowd: file, column, row filter and what it is. */
  source: { file: string; column: string; filter?: Record<string, string>; note: string };
}

/**
 * Compares a crowd's answers to a question with the human crowd that answered it (`fidelity`),
 * reading the human answers from their file (`loadHumanCrowd`; Node only).
 *
 * @param values the (simulated) crowd's estimates
 * @param human where the human answers are
 * @param truth the question's truth
 * @param options the fidelity options, and parsed files to share between items of one file
 * @returns the comparison with its source
 * @throws Error naming the file when the human crowd cannot be read or is empty
 */
export function humanFidelity(
  values: readonly number[],
  human: HumanCrowd,
  truth: number,
  options: FidelityOptions & { tables?: Map<string, DataTable> } = {},
): HumanFidelity {
  const { tables, ...fidelityOptions } = options;
  const crowd = loadHumanCrowd(human, truth, tables);
  if (crowd.sample.values.length === 0) {
    throw new Error(`${human.file}: the human crowd in column ${human.column} has no number`);
  }
  return {
    ...fidelity(values, crowd.sample.values, truth, fidelityOptions),
    source: {
      file: human.file,
      column: human.column,
      ...(human.filter ? { filter: { ...human.filter } } : {}),
      note: human.note,
    },
  };
}
