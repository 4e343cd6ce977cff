import type { BatterySummary, HumanFidelity } from '@emocrowd/crowd';
import type { LoadedBattery } from '../analysis/loadBattery.js';
import type { Colors } from './colors.js';
import { renderCrossItem, renderSkill } from './renderCrossItem.js';
import { renderFidelityTable } from './renderFidelity.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';

/**
 * The human report of `analyze` on a battery: one row per item (answers, skipped rows, median and
 * mean with their log ratios, the select crowd's estimate), the strategies across items and the
 * respondents' skill. Only renders; every number comes from the summary.
 *
 * @param loaded how the battery was read
 * @param summary its summary
 * @param opts colours, and each item's comparison with its human crowd
 * @returns the text
 */
export function renderBatteryReport(
  loaded: LoadedBattery,
  summary: BatterySummary,
  opts: { colors: Colors; fidelity?: readonly (HumanFidelity | undefined)[] },
): string {
  const { colors } = opts;
  const estimate = (a: { estimate: number | null } | undefined): number | undefined =>
    a && a.estimate !== null ? a.estimate : undefined;
  const logRatio = (a: { estimate: number | null; logRatio?: number } | undefined): number | undefined =>
    a && a.estimate !== null ? a.logRatio : undefined;
  const rows = summary.items.map((item, i) => {
    const a = item.summary?.aggregates;
    const skipped = loaded.battery.items[i]?.skipped.total ?? 0;
    return [
      item.id,
      formatNumber(item.truth, Number.isInteger(item.truth) ? 0 : 2),
      String(item.n),
      skipped > 0 ? String(skipped) : '',
      formatNumber(estimate(a?.median), 1),
      formatNumber(logRatio(a?.median), 3),
      formatNumber(estimate(a?.mean), 1),
      formatNumber(logRatio(a?.mean), 3),
      formatNumber(estimate(a?.selectCrowd), 1),
      formatPercent(item.summary?.metrics.roundNumberShare, 0),
    ];
  });
  const out = [
    colors.bold(`${summary.items.length} items`),
    renderTable(
      [
        { header: 'item' },
        { header: 'truth', align: 'right' },
        { header: 'n', align: 'right' },
        { header: 'skipped', align: 'right' },
        { header: 'median', align: 'right' },
        { header: 'ln(med/T)', align: 'right' },
        { header: 'mean', align: 'right' },
        { header: 'ln(mean/T)', align: 'right' },
        { header: 'select crowd', align: 'right' },
        { header: 'round', align: 'right' },
      ],
      rows,
    ).trimEnd(),
    '',
    ...renderCrossItem(summary.crossItem, colors),
    '',
    ...renderFidelityTable(
      summary.items.map((item, i) => ({ id: item.id, fidelity: opts.fidelity?.[i] })),
      colors,
    ),
    '',
    ...renderSkill(summary.skill, colors, loaded.format === 'run' ? 'personas' : 'respondents'),
    colors.dim(
      loaded.cue === 'given'
        ? 'cue strategies: the cue column given'
        : "cue strategies: each judge's skill on the other items (never the item it answers)",
    ),
    '',
  ];
  return `${out.join('\n')}\n`;
}
