import type { CrossItemAnalysis, RunSummary } from '@emocrowd/crowd/analysis';
import type { RunState } from '../data/RunModel.js';
import { formatNumber, formatPercent } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { table } from '../ui/table.js';
import { emptyNote } from './emptyNote.js';
import { notComputedNote } from './notComputedNote.js';
import type { View } from './View.js';

/**
 * Across items: a battery's strategies ranked over its items (`crossItem` of the run summary:
 * mean |ln(estimate / truth)| with its interval, mean rank, share of items won), how sure each
 * step of the ranking is (paired differences between neighbours), and every item's truth and
 * winning strategy.
 */
export class ItemsView implements View {
  readonly id = 'items';
  readonly label = 'Across items';
  readonly element = h('section', { class: 'view', testid: 'view-items' });
  private readonly rankingBox = h('div');
  private readonly itemsBox = h('div');
  private readonly empty = emptyNote(
    'Strategies are ranked across items when a run of a battery (several questions, e.g. lorenz-2011 or calorie-quiz) has completed.',
  );
  private readonly body = h(
    'div',
    {},
    h('div', { class: 'panel' }, h('h3', { text: 'Strategies ranked across items' }), this.rankingBox),
    h('div', { class: 'panel' }, h('h3', { text: 'Items' }), this.itemsBox),
  );

  constructor() {
    this.element.append(this.empty, this.body);
  }

  render(state: RunState | undefined): void {
    const summary = state?.runSummary;
    const crossItem = summary?.crossItem;
    this.empty.hidden = crossItem !== undefined;
    this.body.hidden = crossItem === undefined;
    if (!summary || !crossItem) return;
    this.rankingBox.replaceChildren(...rankingPanel(crossItem));
    this.itemsBox.replaceChildren(itemsTable(summary, crossItem));
  }
}

function rankingPanel(c: CrossItemAnalysis): Node[] {
  const level = `${Math.round(c.level * 100)}%`;
  const rows = c.ranking.map((name, i) => {
    const s = c.strategies[name];
    if (!s) return [String(i + 1), name, '–', '–', '–', '–', '–'];
    const next = c.ranking[i + 1];
    const step = next ? c.differences.find((d) => d.a === name && d.b === next) : undefined;
    return [
      String(i + 1),
      name,
      `${formatNumber(s.meanAbsLogRatio, 3)} [${formatNumber(s.lower, 3)}, ${formatNumber(s.upper, 3)}]`,
      formatNumber(s.meanRank, 2),
      formatPercent(s.winShare),
      String(s.items),
      step
        ? `${formatNumber(step.meanDifference, 3)} [${formatNumber(step.lower, 3)}, ${formatNumber(step.upper, 3)}]`
        : '',
    ];
  });
  const ranking = table(
    [
      'rank',
      'strategy',
      `mean |ln(est/T)| [${level}]`,
      'mean rank',
      'items won',
      'items',
      'vs next [paired]',
    ],
    rows,
    'ranking-table',
  );
  ranking.querySelectorAll('tbody tr').forEach((tr, i) => {
    (tr as HTMLElement).dataset.strategy = c.ranking[i] ?? '';
  });
  return [
    h('p', {
      class: 'note',
      text: `Over ${c.items} items, each strategy's error on an item is |ln(estimate / truth)| (0.1 ≈ 10% off); intervals resample items (${c.resamples} resamples), the last column is the paired difference with the next strategy (negative: this one is closer). See docs/metrics.md.`,
    }),
    ranking,
    notComputedNote(c.notComputed),
  ];
}

function itemsTable(summary: RunSummary, c: CrossItemAnalysis): HTMLTableElement {
  return table(
    ['item', 'truth', 'answers', 'median', 'closest strategies', '|ln(est/T)|'],
    (summary.items ?? []).map((item) => {
      const aggregates = item.summary?.aggregates ?? {};
      // The item's winners as crossItem counts them: smallest |ln(estimate / truth)|, ties within 1e-12.
      const errors = c.ranking.flatMap((name) => {
        const a = aggregates[name];
        return a && a.estimate !== null && Number.isFinite(a.logRatio)
          ? [[name, Math.abs(a.logRatio)] as const]
          : [];
      });
      const least = errors.reduce((m, [, e]) => Math.min(m, e), Number.POSITIVE_INFINITY);
      const winners = errors.filter(([, e]) => e - least <= 1e-12).map(([name]) => name);
      const median = aggregates.median?.estimate;
      return [
        item.id,
        formatNumber(item.truth, 2),
        String(item.n),
        typeof median === 'number' ? formatNumber(median, 2) : '–',
        winners.join(', ') || '–',
        winners.length > 0 ? formatNumber(least, 3) : '–',
      ];
    }),
    'items-table',
  );
}
