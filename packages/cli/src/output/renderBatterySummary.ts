import { descriptorItems, isComputed, type RunSummary } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { renderCrossItem, renderSkill } from './renderCrossItem.js';
import { renderFidelityTable } from './renderFidelity.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';

/**
 * The human report of a battery run: one row per item (truth, answers, median and mean with
 * their log ratios to the truth, round-number share), then per-round measures when the run had
 * social-influence rounds. Only renders; every number comes from the summary.
 *
 * @param summary - the run's summary (with `items`)
 * @param opts - colours
 * @returns the lines, without the run's header and footer
 */
export function renderBatterySummary(summary: RunSummary, opts: { colors: Colors }): string[] {
  const units = new Map(descriptorItems(summary.task).map((i) => [i.id, i.unit]));
  const rows = (summary.items ?? []).map((item) => {
    const s = item.summary;
    const median = s?.aggregates.median && isComputed(s.aggregates.median) ? s.aggregates.median : undefined;
    const mean = s?.aggregates.mean && isComputed(s.aggregates.mean) ? s.aggregates.mean : undefined;
    return [
      item.id,
      `${formatNumber(item.truth, Number.isInteger(item.truth) ? 0 : 2)} ${units.get(item.id) ?? ''}`.trim(),
      String(item.n),
      formatNumber(median?.estimate, 1),
      formatNumber(median?.logRatio, 3),
      formatNumber(mean?.estimate, 1),
      formatNumber(mean?.logRatio, 3),
      formatPercent(s?.metrics.roundNumberShare, 0),
    ];
  });
  const out = [
    opts.colors.bold(`${rows.length} items`),
    renderTable(
      [
        { header: 'item' },
        { header: 'truth', align: 'right' },
        { header: 'n', align: 'right' },
        { header: 'median', align: 'right' },
        { header: 'ln(med/T)', align: 'right' },
        { header: 'mean', align: 'right' },
        { header: 'ln(mean/T)', align: 'right' },
        { header: 'round', align: 'right' },
      ],
      rows,
    ).trimEnd(),
  ];
  if (summary.crossItem) out.push('', ...renderCrossItem(summary.crossItem, opts.colors));
  if (summary.skill) out.push('', ...renderSkill(summary.skill, opts.colors, 'personas'));
  const fidelity = renderFidelityTable(summary.items ?? [], opts.colors);
  if (fidelity.length > 0) out.push('', ...fidelity);
  if (summary.rounds.some((r) => r.round > 0)) {
    out.push(
      '',
      renderTable(
        [
          { header: 'round' },
          { header: 'item' },
          { header: 'n', align: 'right' },
          { header: 'median', align: 'right' },
          { header: 'log diversity', align: 'right' },
          { header: 'WOC', align: 'right' },
        ],
        summary.rounds.map((r) => [
          String(r.round + 1),
          r.item ?? '',
          String(r.n),
          formatNumber(r.median, 1),
          formatNumber(r.logDiversity, 4),
          String(r.wocIndicator),
        ]),
      ).trimEnd(),
    );
  }
  return out;
}
