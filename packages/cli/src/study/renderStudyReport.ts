import {
  contrastMetricsTable,
  describePairing,
  type StudyReport,
  type StudyReportContrast,
  type StudyTable,
  studyCellsTable,
} from '@emocrowd/crowd';
import type { Colors } from '../output/colors.js';
import { renderTable } from '../output/renderTable.js';

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
  return renderStudyTable(studyCellsTable(report));
}

function renderContrast(contrast: StudyReportContrast, colors: Colors): string {
  const how = describePairing(contrast);
  const lines = [colors.bold(`${contrast.name}: ${contrast.a} - ${contrast.b}`) + (how ? `, ${how}` : '')];
  const metrics = contrastMetricsTable(contrast);
  if (metrics.rows.length > 0) lines.push(renderStudyTable(metrics).trimEnd());
  for (const note of contrast.notes) lines.push(colors.dim(`  ${note}`));
  return `${lines.join('\n')}\n`;
}

/** A study table in the terminal: text columns left-aligned, numbers right-aligned. */
function renderStudyTable(t: StudyTable): string {
  return renderTable(
    t.head.map((header, i) => ({
      header,
      align: i < t.textColumns ? ('left' as const) : ('right' as const),
    })),
    t.rows,
  );
}
