import type { HumanAnswers } from '../api/ServeApi.js';
import type { RunSummary } from '../events/RunSummary.js';
import type { DataTable } from './DataTable.js';
import { loadHumanCrowd } from './loadHumanCrowd.js';

/**
 * The human answers behind a run summary's fidelity comparisons: for every question (a
 * battery's items, or the single question under `itemId`) whose summary has a `fidelity`, the
 * human crowd named by its `source`, read again (`loadHumanCrowd`). Questions without a
 * comparison are left out, so an empty list means the run has none.
 *
 * @param summary the run's summary
 * @param itemId the id a single question is listed under (the task's id)
 * @returns the human answers, in item order
 * @throws Error naming the file when a human crowd can no longer be read
 */
export function summaryHumanAnswers(summary: RunSummary, itemId: string): HumanAnswers[] {
  const tables = new Map<string, DataTable>();
  const questions = summary.items
    ? summary.items.map((item) => ({ id: item.id, truth: item.truth, fidelity: item.fidelity }))
    : [{ id: itemId, truth: summary.truth ?? Number.NaN, fidelity: summary.fidelity }];
  const out: HumanAnswers[] = [];
  for (const { id, truth, fidelity } of questions) {
    if (!fidelity) continue;
    const { source } = fidelity;
    const crowd = loadHumanCrowd(
      {
        file: source.file,
        column: source.column,
        note: source.note,
        ...(source.filter ? { filter: source.filter } : {}),
      },
      truth,
      tables,
    );
    out.push({ item: id, source, values: [...crowd.sample.values] });
  }
  return out;
}
