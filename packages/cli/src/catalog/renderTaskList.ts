import type { EstimationTask } from '@emocrowd/agents';
import { formatNumber, renderTable } from '../output/renderTable.js';

/**
 * Renders tasks as a table (id, truth with unit, kind, question) followed by each truth's source.
 *
 * Intuition: the table is for scanning, the sources are for trusting the truth; a value marked
 * "(unconfirmed)" was not checked against an authority.
 *
 * @param tasks - the tasks, in the order to show
 * @returns the text, ending with a newline
 */
export function renderTaskList(tasks: readonly EstimationTask[]): string {
  const rows = tasks.map((t) => [
    t.id,
    `${formatNumber(t.truth.value, Number.isInteger(t.truth.value) ? 0 : 2)} ${t.unit}`.trim(),
    t.truth.confirmed ? t.truth.kind : `${t.truth.kind} (unconfirmed)`,
    t.question,
  ]);
  const table = renderTable(
    [{ header: 'id' }, { header: 'truth', align: 'right' }, { header: 'kind' }, { header: 'question' }],
    rows,
  );
  const sources = tasks.map((t) => `  ${t.id}: ${t.truth.source}`);
  return `${table}\nsources of the truths:\n${sources.join('\n')}\n`;
}
