import { isComputed, type ScoredAggregate } from '@emocrowd/crowd';
import type { Colors } from '../output/colors.js';
import { formatNumber, formatPercent, renderTable } from '../output/renderTable.js';
import type { CellOutcome } from './runStudy.js';

/**
 * The cells of a study as a table: levels, answers, the median and mean with their relative
 * errors, and the log-space diversity.
 */
export function renderStudyCells(
  outcomes: readonly CellOutcome[],
  opts: { colors: Colors; dir: string },
): string {
  const factors = [...new Set(outcomes.flatMap((o) => Object.keys(o.cell.factors)))];
  const rows = outcomes.map((o) => {
    const s = o.summary;
    const median = computed(s?.aggregates?.median);
    const mean = computed(s?.aggregates?.mean);
    return [
      o.cell.name,
      ...factors.map((f) => o.cell.factors[f] ?? ''),
      s ? s.counts.answered.toLocaleString('en-US') : '–',
      formatNumber(median?.estimate, 1),
      formatPercent(median?.relError, 1),
      formatNumber(mean?.estimate, 1),
      formatPercent(mean?.relError, 1),
      formatNumber(s?.metrics?.logDiversity, 3),
    ];
  });
  return `\n${opts.colors.bold(`study in ${opts.dir}`)}\n\n${renderTable(
    [
      { header: 'cell' },
      ...factors.map((f) => ({ header: f })),
      { header: 'answered', align: 'right' as const },
      { header: 'median', align: 'right' as const },
      { header: 'rel. error', align: 'right' as const },
      { header: 'mean', align: 'right' as const },
      { header: 'rel. error', align: 'right' as const },
      { header: 'log diversity', align: 'right' as const },
    ],
    rows,
  )}`;
}

function computed(aggregate: ScoredAggregate | undefined) {
  return aggregate && isComputed(aggregate) ? aggregate : undefined;
}
