import type { Colors } from '../output/colors.js';
import { formatDuration } from '../output/ProgressBar.js';
import { formatNumber, renderTable } from '../output/renderTable.js';
import type { StudyPlan } from './planStudy.js';

/** The human form of a study plan: one row per cell, the totals, the probes, the notes. */
export function renderStudyPlan(plan: StudyPlan, colors: Colors): string {
  const count = (n: number | null) => (n === null ? '–' : n.toLocaleString('en-US'));
  const tokens = (n: number | null) =>
    n === null
      ? '–'
      : n >= 1e6
        ? `${formatNumber(n / 1e6, 1)}M`
        : n >= 1e4
          ? `${formatNumber(n / 1e3, 0)}k`
          : String(n);
  const time = (s: number | null) => (s === null ? '–' : formatDuration(s));
  const rows = plan.cells.map((c) => [
    c.name,
    c.model,
    count(c.personas),
    count(c.answers),
    count(c.stored),
    count(c.cached),
    count(c.modelCalls),
    tokens(c.promptTokens),
    tokens(c.completionTokens),
    time(c.seconds),
  ]);
  const t = plan.totals;
  rows.push([
    'total',
    '',
    '',
    count(t.answers),
    count(t.stored),
    count(t.cached),
    count(t.modelCalls),
    tokens(t.promptTokens),
    tokens(t.completionTokens),
    time(t.seconds),
  ]);
  const out = [
    '',
    colors.bold(
      `study ${plan.study}: ${plan.cells.length} cells in ${plan.dir}${plan.continued ? ' (started already)' : ''}`,
    ),
    '',
    renderTable(
      [
        { header: 'cell' },
        { header: 'model' },
        { header: 'personas', align: 'right' },
        { header: 'answers', align: 'right' },
        { header: 'stored', align: 'right' },
        { header: 'cached', align: 'right' },
        { header: 'model calls', align: 'right' },
        { header: 'prompt tokens', align: 'right' },
        { header: 'completion', align: 'right' },
        { header: 'time', align: 'right' },
      ],
      rows,
    ).trimEnd(),
  ];
  if (plan.probes.length > 0) {
    out.push('', 'probes:');
    for (const p of plan.probes) {
      out.push(
        p.error
          ? `  ${p.model}: ${colors.yellow(`not reached (${p.error})`)}`
          : `  ${p.model}: ${p.calls} calls, ${formatNumber(p.latencyMs, 0)} ms a call, ${formatNumber(p.promptTokensPerCall, 0)} prompt + ${formatNumber(p.completionTokensPerCall, 0)} completion tokens a call`,
      );
    }
  }
  for (const note of plan.notes) out.push(`note: ${note}`);
  return `${out.join('\n')}\n`;
}
