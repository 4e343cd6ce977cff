import type { ConductSummary } from '@emocrowd/crowd';
import type { Colors } from './colors.js';
import { formatNumber, formatPercent, renderTable } from './renderTable.js';

/**
 * The conduct check of a run as text: how many answers were flagged and revised, by vice and by
 * emotion (and BEAM level), and the crowd's aggregates and metrics before and after revision.
 *
 * @param conduct - the summary's `conduct`
 * @param colors - terminal colours
 * @param label - a heading prefix (a battery's item), if any
 * @returns the lines
 */
export function renderConductSummary(conduct: ConductSummary, colors: Colors, label = ''): string[] {
  const out = [
    colors.bold(`${label}conduct check`),
    `  code ${conduct.code}, judge ${conduct.judge}${conduct.judge === 'synthetic' ? ' (heuristic: cue words, not a language model)' : ''}: ${conduct.flagged} of ${conduct.judged} answers flagged (${formatPercent(conduct.flaggedShare)}), ${conduct.revised} revised${conduct.unjudged > 0 ? colors.yellow(`, ${conduct.unjudged} not judged`) : ''}`,
  ];
  if (conduct.byVice.length > 0)
    out.push(`  vices: ${conduct.byVice.map((v) => `${v.vice} ${v.n}`).join(', ')}`);
  const groups = (conduct.bySpectrumLevel ?? conduct.byEmotion).filter((g) => g.flagged > 0);
  if (groups.length > 0) {
    out.push(
      renderTable(
        [
          { header: conduct.bySpectrumLevel ? 'spectrum level' : 'emotion' },
          { header: 'judged', align: 'right' },
          { header: 'flagged', align: 'right' },
          { header: 'revised', align: 'right' },
        ],
        groups.map((g) => [
          g.label,
          String(g.judged),
          formatPercent(g.flaggedShare),
          formatPercent(g.revisedShare),
        ]),
      ).trimEnd(),
    );
  }
  const m = (crowd: ConductSummary['before']) => crowd.metrics;
  const mean = (crowd: ConductSummary['before']) => crowd.aggregates.mean?.estimate;
  const median = (crowd: ConductSummary['before']) => crowd.aggregates.median?.estimate;
  out.push(
    renderTable(
      [
        { header: '' },
        { header: 'mean', align: 'right' },
        { header: 'median', align: 'right' },
        { header: 'collective error', align: 'right' },
        { header: 'diversity', align: 'right' },
        { header: 'log diversity', align: 'right' },
        { header: 'WOC', align: 'right' },
      ],
      (['before', 'after'] as const).map((when) => {
        const crowd = conduct[when];
        return [
          `${when} revision`,
          formatNumber(mean(crowd), 1),
          formatNumber(median(crowd), 1),
          formatNumber(m(crowd).collectiveError, 0),
          formatNumber(m(crowd).diversity, 0),
          formatNumber(m(crowd).logDiversity, 4),
          String(m(crowd).wocIndicator),
        ];
      }),
    ).trimEnd(),
  );
  return out;
}
