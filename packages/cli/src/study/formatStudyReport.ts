import type { ContrastMetric, StudyCellSummary, StudyReportContrast } from '@emocrowd/crowd';
import { formatNumber, formatPercent } from '../output/renderTable.js';

/**
 * How a contrast's two cells were compared, in words: paired by persona with the pairs counted,
 * or as independent crowds with the reason; empty when the contrast was not computed.
 *
 * @param contrast a contrast of a study report
 * @returns the phrase
 */
export function describePairing(contrast: StudyReportContrast): string {
  const pairing = contrast.pairing;
  if (!pairing) return '';
  if (!pairing.paired) return `independent crowds (${pairing.reason})`;
  const left = pairing.unpairedA + pairing.unpairedB;
  return `paired by persona (${pairing.pairs.toLocaleString('en-US')} pairs${left > 0 ? `, ${pairing.unpairedA} + ${pairing.unpairedB} without a pair left out` : ''})`;
}

/** Decimals of a contrast metric: 1 for errors in the task's unit, 3 for log-scale metrics. */
export function metricDigits(key: string): number {
  return key.startsWith('absError.') ? 1 : 3;
}

/**
 * A contrast metric's effect size with its kind: `2.1% of truth`, `d_z 0.31`, `g -0.12`, `sd ratio 1.08`.
 *
 * @param m the metric
 * @returns the phrase
 */
export function formatEffectSize(m: ContrastMetric): string {
  const names = { relativeToTruth: 'of truth', dz: 'd_z', hedgesG: 'g', sdRatio: 'sd ratio' } as const;
  const e = m.effectSize;
  return e.kind === 'relativeToTruth'
    ? `${formatPercent(e.value, 1)} ${names[e.kind]}`
    : `${names[e.kind]} ${formatNumber(e.value, 2)}`;
}

/**
 * A p-value: 3 decimals, or 1 significant digit in exponent form below 0.001; `–` when absent.
 *
 * @param p the p-value or null
 * @returns the text
 */
export function formatP(p: number | null): string {
  if (p === null) return '–';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

/**
 * A cell's optimal subset size of the median with its interval and warnings (`538 [300, 900]
 * (saturated)`); `none` without an accurate subset, `–` without a subset analysis.
 *
 * @param summary the cell's summary
 * @returns the text
 */
export function formatOptimalK(summary: StudyCellSummary | null): string {
  const curve = summary?.subsets?.strategies.find((c) => c.name === 'median');
  if (!curve) return '–';
  if (curve.optimalK === null) return 'none';
  const interval = curve.optimalKInterval
    ? ` [${curve.optimalKInterval[0]}, ${curve.optimalKInterval[1]}]`
    : '';
  return `${curve.optimalK}${interval}${curve.flags.length > 0 ? ` (${curve.flags.join(', ')})` : ''}`;
}

/**
 * A cell's fidelity to the task's human crowd (a single question's `summary.fidelity`):
 * `KS 0.21, sd ratio 0.62` (the Kolmogorov-Smirnov distance of ln(x/T) and the ratio of log
 * dispersions, simulated over human); `per item` for a battery whose items carry it; `–` when the
 * task has no human crowd.
 *
 * @param summary the cell's summary
 * @returns the text
 */
export function formatFidelity(summary: StudyCellSummary | null): string {
  const f = summary?.fidelity;
  if (f)
    return `KS ${formatNumber(f.ks.estimate, 2)}, sd ratio ${formatNumber(f.dispersionRatio.estimate, 2)}`;
  return summary?.items?.some((i) => i.fidelity) ? 'per item' : '–';
}

/** Whether any cell of a report has a fidelity to show (`formatFidelity`). */
export function hasFidelity(cells: readonly { summary: StudyCellSummary | null }[]): boolean {
  return cells.some((c) => formatFidelity(c.summary) !== '–');
}
