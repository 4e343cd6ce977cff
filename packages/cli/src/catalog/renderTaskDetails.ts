import { type EstimationTask, isBattery, type Task } from '@emocrowd/agents';
import { formatNumber, renderTable } from '../output/renderTable.js';

const digits = (v: number): number => (Number.isInteger(v) ? 0 : 2);

/**
 * Renders everything about one task: question, truth (value, unit, kind, source, whether it is
 * confirmed), plausible range, accepted units, subject and human data. A battery: its title and
 * source, a table of its items (id, truth, human crowd, question), then each item's truth source.
 *
 * @param task - the task
 * @returns the text, ending with a newline
 */
export function renderTaskDetails(task: Task): string {
  if (!isBattery(task)) return renderQuestion(task);
  const table = renderTable(
    [
      { header: 'item' },
      { header: 'truth', align: 'right' },
      { header: 'human crowd' },
      { header: 'question' },
    ],
    task.items.map((item) => [
      item.id,
      `${formatNumber(item.truth.value, digits(item.truth.value))} ${item.unit}`.trim(),
      item.humanData ? humanText(item) : '',
      item.question,
    ]),
  );
  const wording = [...new Set(task.items.flatMap((i) => (i.questionSource ? [i.questionSource] : [])))];
  return [
    `${task.id}: ${task.title}`,
    `  source  ${task.source || '(no source given)'}`,
    `  items   ${task.items.length}`,
    ...wording.map((w) => `  wording ${w}`),
    '',
    table,
    'sources of the truths:',
    ...task.items.map((i) => `  ${i.id}: ${i.truth.source}`),
    '',
  ].join('\n');
}

function humanText(item: EstimationTask): string {
  const human = item.humanData;
  if (!human) return '';
  const filter = Object.entries(human.filter ?? {}).map(([k, v]) => `${k}=${v}`);
  return `${human.file.split('/').pop()} ${human.column}${filter.length > 0 ? ` (${filter.join(', ')})` : ''}`;
}

function renderQuestion(task: EstimationTask): string {
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
  if (task.questionSource) lines.push(`  wording     ${task.questionSource}`);
  if (task.subject.places && task.subject.places.length > 0)
    lines.push(`  places      ${task.subject.places.join('; ')}`);
  if (task.confusableUnit)
    lines.push(
      `  confusable  ${task.confusableUnit.unit} (x${Number(task.confusableUnit.factor.toPrecision(6))})`,
    );
  if (task.humanData) lines.push(`  human data  ${humanText(task)}: ${task.humanData.note}`);
  return `${lines.join('\n')}\n`;
}
