import {
  type EstimateSummary,
  type ExtractedCrowd,
  isComputed,
  partitionAggregates,
  type ScoredAggregate,
  type ScoredEstimate,
} from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { renderEffectSizes } from './renderEffectSizes.js';
import { renderNotComputed } from './renderNotComputed.js';
import { renderSubsetSizes } from './renderSubsetSizes.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';
import { renderWisdomMetrics } from './renderWisdomMetrics.js';

/**
 * The human report of one crowd read by `emocrowd analyze`: its size and skipped rows, each
 * strategy's estimate and error, the wisdom-of-crowds metrics, the optimal subset size and a
 * table per breakdown dimension. Only renders; every number comes from `summary`.
 *
 * @param crowd the crowd (label, truth, rows, skipped)
 * @param summary its `summarizeEstimates` result (undefined: no number in the crowd)
 * @param opts colours
 * @returns the text
 */
export function renderEstimateSummary(
  crowd: ExtractedCrowd,
  summary: EstimateSummary | undefined,
  opts: { colors: Colors },
): string {
  const { colors } = opts;
  const s = crowd.skipped;
  const out: string[] = [
    colors.bold(
      `${crowd.label === 'all' ? 'crowd' : crowd.label}: ${crowd.sample.values.length} estimates of ${crowd.rows} rows, truth ${formatNumber(crowd.truth, 2)}`,
    ),
  ];
  if (s.total > 0) {
    const parts = [
      s.empty ? `${s.empty} empty` : '',
      s.missing ? `${s.missing} NA` : '',
      s.text ? `${s.text} not a number` : '',
      s.truth ? `${s.truth} without a numeric truth` : '',
    ].filter(Boolean);
    const examples = s.examples.map((e) => `line ${e.line} ${e.column}="${e.value.slice(0, 30)}"`).join('; ');
    out.push(colors.yellow(`  skipped ${s.total} rows: ${parts.join(', ')} (e.g. ${examples})`));
  }
  if (!summary) {
    out.push(colors.red('  no numeric estimate: nothing to analyze'), '');
    return `${out.join('\n')}\n`;
  }
  const { computed, notComputed } = partitionAggregates(summary.aggregates);
  out.push(
    '',
    renderTable(
      [
        { header: 'strategy' },
        { header: 'estimate', align: 'right' },
        { header: 'error', align: 'right' },
        { header: 'rel. error', align: 'right' },
        { header: 'log ratio', align: 'right' },
        { header: 'dropped / note', align: 'right' },
      ],
      computed.map(([name, a]) => [
        name,
        formatNumber(a.estimate, 1),
        formatNumber(a.error, 1),
        formatPercent(a.relError, 1),
        formatNumber(a.logRatio, 3),
        a.dropped ? String(a.dropped) : a.note ? a.note : '',
      ]),
    ).trimEnd(),
    ...renderNotComputed(notComputed, colors),
  );
  const m = summary.metrics;
  out.push('', ...renderWisdomMetrics(m, { digits: 1, unit: '', colors }));
  out.push(...renderSubsetSizes(summary.subsets, colors));
  out.push(...renderEffectSizes(summary, colors));
  for (const [dimension, b] of Object.entries(summary.groups ?? {})) {
    out.push(
      '',
      renderTable(
        [
          { header: dimension },
          { header: 'n', align: 'right' },
          { header: 'mean', align: 'right' },
          { header: 'median', align: 'right' },
          { header: 'median 95% CI', align: 'right' },
          { header: 'median rel. error', align: 'right' },
        ],
        b.groups.map((g) => [
          g.label,
          String(g.n),
          formatNumber(g.aggregates.mean?.estimate, 1),
          formatNumber(medianOf(g.aggregates)?.estimate, 1),
          g.medianCi ? `${formatNumber(g.medianCi.lower, 1)}–${formatNumber(g.medianCi.upper, 1)}` : '–',
          formatPercent(medianOf(g.aggregates)?.relError, 1),
        ]),
      ).trimEnd(),
    );
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

/** The median's scored estimate of a group (the median is always computed). */
function medianOf(aggregates: Readonly<Record<string, ScoredAggregate>>): ScoredEstimate | undefined {
  const median = aggregates.median;
  return median && isComputed(median) ? median : undefined;
}
