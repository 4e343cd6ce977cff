import type { HumanFidelity } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';

/** A p-value with 3 digits, or "<0.001". */
const pValue = (p: number): string => (p < 0.001 ? '<0.001' : formatNumber(p, 3));

const range = (s: { estimate: number; lower: number; upper: number }, digits: number): string =>
  `${formatNumber(s.estimate, digits)} (${formatNumber(s.lower, digits)}–${formatNumber(s.upper, digits)})`;

/**
 * One crowd against its human crowd, as text: the four comparisons with their intervals, the
 * homogeneity flag, and both crowds side by side.
 *
 * @param f the comparison
 * @param colors colours
 * @param label what the simulated crowd is called ("simulated", "crowd")
 * @returns the lines
 */
export function renderFidelity(f: HumanFidelity, colors: Colors, label = 'simulated'): string[] {
  const level = formatPercent(f.level, 0);
  return [
    colors.bold(`against the human crowd`) +
      colors.dim(`  (${f.source.note}; ${level} intervals, ${f.resamples} resamples of both crowds)`),
    `  median ratio ${range(f.medianRatio, 3)}, dispersion ratio ${range(f.dispersionRatio, 3)}${f.homogeneous ? colors.yellow('  homogeneous: under half the human spread') : ''}`,
    `  Kolmogorov-Smirnov D ${range(f.ks, 3)}, p ${pValue(f.ks.pValue)}; Wasserstein-1 on ln(x/T) ${range(f.wasserstein, 3)}`,
    renderTable(
      [
        { header: '' },
        { header: 'n', align: 'right' },
        { header: 'median', align: 'right' },
        { header: 'ln(med/T)', align: 'right' },
        { header: 'sd ln x', align: 'right' },
        { header: 'log coll. error', align: 'right' },
        { header: 'round', align: 'right' },
        { header: 'bracketing', align: 'right' },
      ],
      (
        [
          [label, f.simulated],
          ['human', f.human],
        ] as const
      ).map(([name, p]) => [
        `  ${name}`,
        String(p.n),
        formatNumber(p.median, 1),
        formatNumber(p.medianLogRatio, 3),
        formatNumber(p.logSd, 3),
        formatNumber(p.logCollectiveError, 4),
        formatPercent(p.roundNumberShare, 0),
        formatPercent(p.bracketingRate, 0),
      ]),
    ).trimEnd(),
  ];
}

/**
 * A battery's items against their human crowds, one row each.
 *
 * @param items each item's id and comparison (items without a human crowd are left out)
 * @param colors colours
 * @returns the lines (none when no item has a human crowd)
 */
export function renderFidelityTable(
  items: readonly { id: string; fidelity?: HumanFidelity | undefined }[],
  colors: Colors,
): string[] {
  const rows = items.flatMap(({ id, fidelity: f }) =>
    f
      ? [
          [
            id,
            `${f.simulated.n}/${f.human.n}`,
            range(f.medianRatio, 2),
            range(f.dispersionRatio, 2),
            `${formatNumber(f.ks.estimate, 3)} (p ${pValue(f.ks.pValue)})`,
            formatNumber(f.wasserstein.estimate, 3),
            f.homogeneous ? colors.yellow('yes') : '',
          ],
        ]
      : [],
  );
  if (rows.length === 0) return [];
  return [
    colors.bold('against the human crowds') +
      colors.dim('  (independent answers; ratios simulated / human, 95% bootstrap intervals)'),
    renderTable(
      [
        { header: 'item' },
        { header: 'n sim/human', align: 'right' },
        { header: 'median ratio', align: 'right' },
        { header: 'dispersion ratio', align: 'right' },
        { header: 'KS D', align: 'right' },
        { header: 'W1', align: 'right' },
        { header: 'homogeneous' },
      ],
      rows,
    ).trimEnd(),
  ];
}
