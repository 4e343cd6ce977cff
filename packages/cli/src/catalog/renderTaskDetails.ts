import type { EstimationTask } from '@emocrowd/agents';
import { formatNumber } from '../output/renderTable.js';

/**
 * Renders everything about one task: question, truth (value, unit, kind, source, whether it is
 * confirmed), plausible range, accepted units, subject and human data.
 *
 * @param task - the task
 * @returns the text, ending with a newline
 */
export function renderTaskDetails(task: EstimationTask): string {
  const digits = (v: number): number => (Number.isInteger(v) ? 0 : 2);
  const lines = [
    `${task.id}`,
    `  question    ${task.question}`,
    `  truth       ${formatNumber(task.truth.value, digits(task.truth.value))} ${task.unit} (${task.truth.kind}${task.truth.confirmed ? '' : ', unconfirmed'})`,
    `  source      ${task.truth.source}`,
    `  unit        ${task.unit}${task.unitName ? ` (${task.unitName})` : ''}`,
    `  plausible   ${formatNumber(task.plausibleRange[0], 0)} to ${formatNumber(task.plausibleRange[1], 0)} ${task.unit}`,
    `  accepts     ${task.units.map((u) => (u.factor === 1 ? u.unit : `${u.unit} (x${Number(u.factor.toPrecision(6))})`)).join(', ')}`,
    `  subject     ${task.subject.kind}: ${task.subject.description}`,
  ];
  if (task.subject.places && task.subject.places.length > 0)
    lines.push(`  places      ${task.subject.places.join('; ')}`);
  if (task.confusableUnit)
    lines.push(
      `  confusable  ${task.confusableUnit.unit} (x${Number(task.confusableUnit.factor.toPrecision(6))})`,
    );
  if (task.humanData) lines.push(`  human data  ${task.humanData.file}: ${task.humanData.note}`);
  return `${lines.join('\n')}\n`;
}
