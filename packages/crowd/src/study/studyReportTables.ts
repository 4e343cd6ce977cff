import type { ScoredAggregate } from '../analysis/scoreStrategies.js';
import { isComputed } from '../strategies/AggregateResult.js';
import type { ContrastMetric } from './contrastMetrics.js';
import type { StudyCellSummary, StudyReport, StudyReportContrast } from './StudyReport.js';

/**
 * A table of a study report as text: the header, the rows, and how many leading columns hold
 * text (left-aligned) rather than numbers. Every view of a study report (the terminal report, the
 * HTML report, the viewer's Study tab) draws these, so the three show the same rows and the same
 * text for the same number.
 */
export interface StudyTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly textColumns: number;
}

/**
 * One row per cell: its factor levels (those with more than one level), state, answers, the
 * median and mean with their relative errors, the log-space individual error and diversity, the
 * median's optimal subset size, and the fidelity to humans when any cell has one.
 *
 * @param report a study report
 * @returns the table
 */
export function studyCellsTable(report: StudyReport): StudyTable {
  const factors = report.study.factors.filter((f) => f.levels.length > 1).map((f) => f.name);
  const fidelity = hasFidelity(report.cells);
  const head = [
    'cell',
    ...factors,
    'state',
    'answered',
    'median',
    'rel. error',
    'mean',
    'rel. error',
    'log ind. error',
    'log diversity',
    'optimal k (median)',
    ...(fidelity ? ['fidelity to humans'] : []),
  ];
  const rows = report.cells.map((cell) => {
    const summary = cell.summary;
    const median = computed(summary?.aggregates?.median);
    const mean = computed(summary?.aggregates?.mean);
    return [
      cell.name,
      ...factors.map((f) => cell.factors[f] ?? ''),
      cell.state,
      summary ? summary.counts.answered.toLocaleString('en-US') : '–',
      formatNumber(median?.estimate, 1),
      formatPercent(median?.relError, 1),
      formatNumber(mean?.estimate, 1),
      formatPercent(mean?.relError, 1),
      formatNumber(summary?.metrics?.logAverageIndividualError, 3),
      formatNumber(summary?.metrics?.logDiversity, 3),
      formatOptimalK(summary),
      ...(fidelity ? [formatFidelity(summary)] : []),
    ];
  });
  return { head, rows, textColumns: 2 + factors.length };
}

/**
 * One row per metric of a contrast: a, b, a − b with its interval, the effect size, the
 * permutation p-value and the Holm-adjusted one.
 *
 * @param contrast a contrast of a study report
 * @returns the table (no rows when the contrast was not computed)
 */
export function contrastMetricsTable(contrast: StudyReportContrast): StudyTable {
  const rows = Object.entries(contrast.metrics).map(([key, m]) => {
    const digits = metricDigits(key);
    return [
      key,
      formatNumber(m.a, digits),
      formatNumber(m.b, digits),
      formatNumber(m.estimate, digits),
      `[${formatNumber(m.ci[0], digits)}, ${formatNumber(m.ci[1], digits)}]`,
      formatEffectSize(m),
      formatP(m.p),
      formatP(m.pHolm),
    ];
  });
  return {
    head: ['metric', 'a', 'b', 'a − b', 'interval', 'effect size', 'p', 'p (Holm)'],
    rows,
    textColumns: 1,
  };
}

function computed(aggregate: ScoredAggregate | undefined) {
  return aggregate && isComputed(aggregate) ? aggregate : undefined;
}

/** A number with thousands separators and exactly `digits` decimals; `–` when missing. */
function formatNumber(value: number | undefined | null, digits = 1): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A share in [0, 1] as a percentage with `digits` decimals; `–` when missing. */
function formatPercent(value: number | undefined | null, digits = 1): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '–';
  return `${(value * 100).toFixed(digits)}%`;
}

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
function metricDigits(key: string): number {
  return key.startsWith('absError.') ? 1 : 3;
}

/**
 * A contrast metric's effect size with its kind: `2.1% of truth`, `d_z 0.31`, `g -0.12`, `sd ratio 1.08`.
 *
 * @param m the metric
 * @returns the phrase
 */
function formatEffectSize(m: ContrastMetric): string {
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
function formatP(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '–';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}

/**
 * A cell's optimal subset size of the median with its interval and warnings (`538 [300, 900]
 * (saturated)`); `none` without an accurate subset, `–` without a subset analysis.
 *
 * @param summary the cell's summary
 * @returns the text
 */
function formatOptimalK(summary: StudyCellSummary | null): string {
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
function formatFidelity(summary: StudyCellSummary | null): string {
  const f = summary?.fidelity;
  if (f)
    return `KS ${formatNumber(f.ks.estimate, 2)}, sd ratio ${formatNumber(f.dispersionRatio.estimate, 2)}`;
  return summary?.items?.some((i) => i.fidelity) ? 'per item' : '–';
}

/** Whether any cell of a report has a fidelity to show (`formatFidelity`). */
function hasFidelity(cells: readonly { summary: StudyCellSummary | null }[]): boolean {
  return cells.some((c) => formatFidelity(c.summary) !== '–');
}
