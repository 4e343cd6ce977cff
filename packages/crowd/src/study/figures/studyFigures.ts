import type { SubsetAnalysis } from '../../analysis/subsetAnalysis.js';
import type { StudyReport, StudyReportCell } from '../StudyReport.js';
import { contrastForestSvg } from './contrastForestSvg.js';
import { contrastHistogramSvg } from './contrastHistogramSvg.js';
import { type SubsetCurveSeries, subsetCurvesSvg } from './subsetCurvesSvg.js';

/** The figures of one contrast (each an `<svg>` string, absent when there is nothing to draw). */
export interface ContrastFigures {
  readonly name: string;
  readonly histogram?: string;
  /** The strategy whose subset curves are drawn (the median when both cells have it). */
  readonly subsetStrategy?: string;
  readonly subsetAccuracy?: string;
  readonly subsetError?: string;
}

/** Every figure of a study report: a forest plot per metric, the figures of each contrast. */
export interface StudyFigures {
  readonly forest: readonly { readonly metric: string; readonly svg: string }[];
  readonly contrasts: readonly ContrastFigures[];
}

/**
 * The figures a paper needs from a study report, as self-contained SVG markup (no script, no
 * external reference), drawn only from the report: a forest plot of every metric over the
 * contrasts (`contrastForestSvg`), and per contrast the overlaid log-scale histograms
 * (`contrastHistogramSvg`) and the subset curves of both cells with their bands
 * (`subsetCurvesSvg`). The HTML report (`emocrowd study report --html`) and the viewer's Study
 * view both show these, so they cannot differ.
 *
 * @param report a study report
 * @returns the figures
 */
export function studyFigures(report: StudyReport): StudyFigures {
  const metrics = [...new Set(report.contrasts.flatMap((c) => Object.keys(c.metrics)))];
  const forest = metrics.flatMap((metric) => {
    const svg = contrastForestSvg(report.contrasts, metric, report.settings.level);
    return svg ? [{ metric, svg }] : [];
  });
  const cells = new Map(report.cells.map((c) => [c.name, c]));
  const contrasts = report.contrasts.map((contrast): ContrastFigures => {
    const histogram = contrastHistogramSvg(contrast);
    const a = subsetsOf(cells.get(contrast.a), contrast.item);
    const b = subsetsOf(cells.get(contrast.b), contrast.item);
    const names = (s?: SubsetAnalysis) => new Set(s?.strategies.map((c) => c.name) ?? []);
    const shared = [...names(a)].filter((n) => names(b).has(n));
    const strategy = shared.includes('median') ? 'median' : shared[0];
    const series = (side: 'a' | 'b', cell: string, s?: SubsetAnalysis): SubsetCurveSeries[] => {
      const curve = s?.strategies.find((c) => c.name === strategy);
      return s && curve ? [{ label: cell, side, ks: s.ks, curve, n: s.n }] : [];
    };
    const all = [...series('a', contrast.a, a), ...series('b', contrast.b, b)];
    const label = all[0]?.curve.label ?? strategy ?? '';
    const accuracy = strategy ? subsetCurvesSvg(all, 'accuracy', label) : undefined;
    const error = strategy ? subsetCurvesSvg(all, 'error', label) : undefined;
    return {
      name: contrast.name,
      ...(histogram ? { histogram } : {}),
      ...(accuracy && strategy ? { subsetStrategy: strategy, subsetAccuracy: accuracy } : {}),
      ...(error ? { subsetError: error } : {}),
    };
  });
  return { forest, contrasts };
}

/** A cell's subset analysis: its summary's, or the battery item's. */
function subsetsOf(cell: StudyReportCell | undefined, item: string | undefined): SubsetAnalysis | undefined {
  const summary = cell?.summary;
  if (!summary) return undefined;
  if (item === undefined) return summary.subsets;
  return summary.items?.find((i) => i.id === item)?.summary?.subsets;
}
