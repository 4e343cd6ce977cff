import { type EstimationTask, isBattery, type Task, type TaskBattery } from '@emocrowd/agents';
import { formatNumber, renderTable } from '../output/renderTable.js';

/**
 * Renders tasks as a table (id, truth with unit, kind, question) followed by each truth's source,
 * then the batteries (id, items, human crowds, title) with their sources.
 *
 * Intuition: the table is for scanning, the sources are for trusting the truth; a value marked
 * "(unconfirmed)" was not checked against an authority.
 *
 * @param tasks - the tasks, in the order to show
 * @returns the text, ending with a newline
 */
export function renderTaskList(tasks: readonly Task[]): string {
  const singles = tasks.filter((t): t is EstimationTask => !isBattery(t));
  const batteries = tasks.filter((t): t is TaskBattery => isBattery(t));
  const out: string[] = [];
  if (singles.length > 0) {
    const rows = singles.map((t) => [
      t.id,
      `${formatNumber(t.truth.value, Number.isInteger(t.truth.value) ? 0 : 2)} ${t.unit}`.trim(),
      t.truth.confirmed ? t.truth.kind : `${t.truth.kind} (unconfirmed)`,
      t.question,
    ]);
    const table = renderTable(
      [{ header: 'id' }, { header: 'truth', align: 'right' }, { header: 'kind' }, { header: 'question' }],
      rows,
    );
    const sources = singles.map((t) => `  ${t.id}: ${t.truth.source}`);
    out.push(`${table}\nsources of the truths:\n${sources.join('\n')}\n`);
  }
  if (batteries.length > 0) {
    const rows = batteries.map((b) => [
      b.id,
      String(b.items.length),
      String(b.items.filter((i) => i.humanData !== undefined).length),
      b.title,
    ]);
    const table = renderTable(
      [
        { header: 'battery' },
        { header: 'items', align: 'right' },
        { header: 'human crowds', align: 'right' },
        { header: 'title' },
      ],
      rows,
    );
    const sources = batteries.map((b) => `  ${b.id}: ${b.source || '(no source given)'}`);
    out.push(
      `${table}\nsources of the batteries (each item's truth: emocrowd tasks show ID):\n${sources.join('\n')}\n`,
    );
  }
  return out.join('\n');
}
