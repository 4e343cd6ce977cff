import {
  isComputed,
  type ScoredAggregate,
  type StudyReport,
  type StudyReportContrast,
} from '@emocrowd/crowd';
import type { Colors } from '../output/colors.js';
import { formatNumber, formatPercent, renderTable } from '../output/renderTable.js';
import {
  describePairing,
  formatEffectSize,
  formatFidelity,
  formatOptimalK,
  formatP,
  hasFidelity,
  metricDigits,
} from './formatStudyReport.js';

/**
 * The human form of a study report: what the study is, one row per cell (answers, the median
 * and mean with their errors, the log-space diversity terms, the median's optimal subset size
 * with its interval), then one table per contrast (a, b, a - b with its interval, the effect
 * size, the permutation p-value and the Holm-adjusted one).
 */
export function renderStudyReport(report: StudyReport, opts: { colors: Colors; dir: string }): string {
  const { colors } = opts;
  const s = report.settings;
  const how = [
    report.study.scale
      ? `${report.study.scale.numerator}/${report.study.scale.denominator} of the personas`
      : '',
    report.study.overrides.length > 0 ? `--set ${report.study.overrides.join(' --set ')}` : '',
  ].filter(Boolean);
  const out: string[] = [
    '',
    colors.bold(`study ${report.study.name}: ${report.cells.length} cells in ${opts.dir}`),
    ...(report.study.description ? [report.study.description] : []),
    ...(how.length > 0 ? [how.join('   ')] : []),
    '',
    renderCells(report),
  ];
  if (report.contrasts.length > 0) {
    out.push(
      colors.bold('contrasts'),
      `a - b with ${Math.round(s.level * 100)}% percentile bootstrap intervals (${s.bootstrap.toLocaleString('en-US')} resamples); p: two-sided permutation test (${s.permutations.toLocaleString('en-US')} permutations), Holm-adjusted over ${s.multiplicity.tests} tests`,
      '',
    );
    for (const contrast of report.contrasts) out.push(renderContrast(contrast, colors));
  }
  for (const note of report.notes) out.push(colors.yellow(`note: ${note}`));
  return `${out.join('\n')}\n`;
}

function renderCells(report: StudyReport): string {
  const factors = report.study.factors.filter((f) => f.levels.length > 1).map((f) => f.name);
  const fidelity = hasFidelity(report.cells);
  const rows = report.cells.map((cell) => {
    const summary = cell.summary;
    const median = computed(summary?.aggregates?.median);
    const mean = computed(summary?.aggregates?.mean);
    return [
      cell.name,
      ...factors.map((f) => cell.factors[f] ?? ''),
      cell.state === 'complete' ? '' : cell.state,
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
  return renderTable(
    [
      { header: 'cell' },
      ...factors.map((f) => ({ header: f })),
      { header: 'state' },
      { header: 'answered', align: 'right' as const },
      { header: 'median', align: 'right' as const },
      { header: 'rel. error', align: 'right' as const },
      { header: 'mean', align: 'right' as const },
      { header: 'rel. error', align: 'right' as const },
      { header: 'log ind. error', align: 'right' as const },
      { header: 'log diversity', align: 'right' as const },
      { header: 'optimal k (median)', align: 'right' as const },
      ...(fidelity ? [{ header: 'fidelity to humans', align: 'right' as const }] : []),
    ],
    rows,
  );
}

function renderContrast(contrast: StudyReportContrast, colors: Colors): string {
  const how = describePairing(contrast);
  const lines = [colors.bold(`${contrast.name}: ${contrast.a} - ${contrast.b}`) + (how ? `, ${how}` : '')];
  const rows = Object.entries(contrast.metrics).map(([key, m]) => [
    key,
    formatNumber(m.a, metricDigits(key)),
    formatNumber(m.b, metricDigits(key)),
    formatNumber(m.estimate, metricDigits(key)),
    `[${formatNumber(m.ci[0], metricDigits(key))}, ${formatNumber(m.ci[1], metricDigits(key))}]`,
    formatEffectSize(m),
    formatP(m.p),
    formatP(m.pHolm),
  ]);
  if (rows.length > 0)
    lines.push(
      renderTable(
        [
          { header: 'metric' },
          { header: 'a', align: 'right' },
          { header: 'b', align: 'right' },
          { header: 'a - b', align: 'right' },
          { header: 'interval', align: 'right' },
          { header: 'effect size', align: 'right' },
          { header: 'p', align: 'right' },
          { header: 'p (Holm)', align: 'right' },
        ],
        rows,
      ).trimEnd(),
    );
  for (const note of contrast.notes) lines.push(colors.dim(`  ${note}`));
  return `${lines.join('\n')}\n`;
}

function computed(aggregate: ScoredAggregate | undefined) {
  return aggregate && isComputed(aggregate) ? aggregate : undefined;
}
