import type { CrowdRounds, RoundAnalysis } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';

/**
 * The human report of `analyze --rounds` / `--round-column`: per group the crowds that improved
 * from the first round to the last with the tests between groups, the per-round trajectories
 * (WOC indicator, log-variance ratio, error of the mean), the pooled revisions, then one line per
 * crowd (or, for a single crowd, one line per round). Only renders; every number comes from
 * `report`.
 *
 * @param report the `roundAnalysis` result
 * @param opts colours
 * @returns the text
 */
export function renderRoundAnalysis(report: RoundAnalysis, opts: { colors: Colors }): string {
  const { colors } = opts;
  const out: string[] = [];
  if (report.crowds.length === 1) {
    out.push(renderOneCrowd(report.crowds[0] as CrowdRounds, colors));
  } else {
    out.push(colors.bold('crowds that improved from the first round to the last'));
    out.push(
      renderTable(
        [
          { header: 'group' },
          { header: 'crowds', align: 'right' },
          { header: 'mean improved', align: 'right' },
          { header: 'median improved', align: 'right' },
        ],
        report.roundEffects.map((e) => [
          e.group,
          String(e.crowds),
          `${e.meanImproved} (${formatPercent(e.meanImproved / e.crowds, 0)})`,
          `${e.medianImproved} (${formatPercent(e.medianImproved / e.crowds, 0)})`,
        ]),
      ).trimEnd(),
    );
    for (const test of report.roundEffectTests) {
      const c = test.chiSquare;
      const pairs = test.pairwise
        .map((p) => `${p.a} vs ${p.b} p = ${formatP(p.p)} (Holm ${formatP(p.pHolm)})`)
        .join('; ');
      out.push(
        `  ${test.outcome === 'meanImproved' ? 'mean' : 'median'}: chi-square(${c.df}) = ${formatNumber(c.statistic, 2)}, p = ${formatP(c.p)}${c.minExpected < 5 ? colors.yellow(' (expected counts below 5: read Fisher)') : ''}; Fisher exact: ${pairs}`,
      );
    }
    out.push('', colors.bold('per round, over the crowds of each group'));
    out.push(
      renderTable(
        [
          { header: 'group' },
          { header: 'round' },
          { header: 'crowds', align: 'right' },
          { header: 'WOC (mean)', align: 'right' },
          { header: 'log-var ratio (median)', align: 'right' },
          { header: '|mean - T| / T (median)', align: 'right' },
        ],
        report.roundEffects.flatMap((e) =>
          e.trajectory.map((p) => [
            e.group,
            p.column,
            String(p.crowds),
            formatNumber(p.wocIndicatorMean, 2),
            formatNumber(p.logDiversityRatioMedian, 3),
            formatPercent(p.meanRelErrorMedian, 1),
          ]),
        ),
      ).trimEnd(),
    );
    out.push('', colors.bold('revisions, all people of each group'));
    out.push(
      renderTable(
        [
          { header: 'group' },
          { header: 'transition' },
          { header: 'paired', align: 'right' },
          { header: 'moved closer', align: 'right' },
          { header: 'w (median)', align: 'right' },
          { header: 'w (mean)', align: 'right' },
          { header: 'with w', align: 'right' },
        ],
        report.roundEffects.flatMap((e) =>
          e.transitions.map((t) => [
            e.group,
            `${t.from} -> ${t.to}`,
            String(t.paired),
            formatPercent(t.movedCloser, 1),
            formatNumber(t.revisionWeightMedian, 3),
            formatNumber(t.revisionWeightMean, 3),
            String(t.revised),
          ]),
        ),
      ).trimEnd(),
    );
    out.push('', colors.bold('each crowd, first round to last'));
    out.push(
      renderTable(
        [
          { header: 'crowd' },
          ...(report.crowds.some((c) => c.group !== null) ? [{ header: 'group' }] : []),
          { header: 'n', align: 'right' },
          { header: '|mean - T|', align: 'right' },
          { header: '|median - T|', align: 'right' },
          { header: 'WOC', align: 'right' },
          { header: 'log-var ratio', align: 'right' },
        ],
        report.crowds.map((c) => {
          const o = c.overall;
          return [
            c.label,
            ...(report.crowds.some((x) => x.group !== null) ? [c.group ?? ''] : []),
            c.rounds.map((r) => r.n).join('/'),
            o
              ? `${formatNumber(o.meanErrorBefore, 1)} -> ${formatNumber(o.meanErrorAfter, 1)}${o.meanImproved ? ' ✓' : ''}`
              : '–',
            o
              ? `${formatNumber(o.medianErrorBefore, 1)} -> ${formatNumber(o.medianErrorAfter, 1)}${o.medianImproved ? ' ✓' : ''}`
              : '–',
            o ? `${o.wocBefore} -> ${o.wocAfter}` : '–',
            o ? formatNumber(o.logDiversityRatio, 3) : '–',
          ];
        }),
      ).trimEnd(),
    );
  }
  return `${out.join('\n')}\n\n`;
}

function renderOneCrowd(crowd: CrowdRounds, colors: Colors): string {
  const head = colors.bold(
    `${crowd.label === 'all' ? 'crowd' : crowd.label}: ${crowd.respondents} respondents, truth ${formatNumber(crowd.truth, 2)}`,
  );
  const rows = crowd.rounds.map((round, r) => {
    const m = round.summary?.metrics;
    const t = r > 0 ? crowd.transitions[r - 1] : undefined;
    return [
      round.column,
      String(round.n),
      formatNumber(round.summary?.aggregates.mean?.estimate, 1),
      formatNumber(round.summary?.aggregates.median?.estimate, 1),
      formatNumber(m?.diversity, 0),
      formatNumber(m?.logDiversity, 4),
      m ? String(m.wocIndicator) : '–',
      t ? formatNumber(t.revisionWeightMedian, 3) : '',
      t ? formatPercent(t.movedCloser, 1) : '',
    ];
  });
  const table = renderTable(
    [
      { header: 'round' },
      { header: 'n', align: 'right' },
      { header: 'mean', align: 'right' },
      { header: 'median', align: 'right' },
      { header: 'diversity', align: 'right' },
      { header: 'log diversity', align: 'right' },
      { header: 'WOC', align: 'right' },
      { header: 'w (median)', align: 'right' },
      { header: 'moved closer', align: 'right' },
    ],
    rows,
  ).trimEnd();
  const o = crowd.overall;
  const tail = o
    ? `  ${o.from} -> ${o.to}: error of the mean ${formatNumber(o.meanErrorBefore, 1)} -> ${formatNumber(o.meanErrorAfter, 1)} (${o.meanImproved ? 'improved' : 'not improved'}), of the median ${formatNumber(o.medianErrorBefore, 1)} -> ${formatNumber(o.medianErrorAfter, 1)}; range ratio ${formatNumber(o.rangeRatio, 3)}, truth in range ${o.truthInRangeBefore ? 'yes' : 'no'} -> ${o.truthInRangeAfter ? 'yes' : 'no'}`
    : '';
  return [head, '', table, ...(tail ? ['', tail] : [])].join('\n');
}

function formatP(p: number): string {
  if (!Number.isFinite(p)) return '–';
  return p < 0.001 ? p.toExponential(1) : p.toFixed(3);
}
