import { beatenShare, partitionAggregates, type SubsetStrategyResult } from '@emocrowd/crowd/analysis';
import { LineChart } from '../charts/LineChart.js';
import { colorAt } from '../charts/palette.js';
import type { RunState } from '../data/RunModel.js';
import { sampleFromRecords } from '../data/sampleFromRecords.js';
import { formatNumber, formatPercent } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { table } from '../ui/table.js';
import { emptyNote } from './emptyNote.js';
import { notComputedNote } from './notComputedNote.js';
import type { View } from './View.js';

/**
 * Compare: every aggregation strategy side by side (its answer, error, and the share of
 * individuals it beats), and the subset-size curves: how accurate each strategy is for random
 * sub-crowds of size k, with the optimal k.
 */
export class CompareView implements View {
  readonly id = 'compare';
  readonly label = 'Compare';
  readonly element = h('section', { class: 'view', testid: 'view-compare' });
  private readonly strategiesBox = h('div');
  private readonly subsetBox = h('div');
  private accuracy: LineChart | undefined;
  private errors: LineChart | undefined;
  private chartKey = '';
  private readonly empty = emptyNote(
    'Strategies are compared when a run has completed (or a finished run is opened).',
  );

  constructor() {
    this.element.append(
      this.empty,
      h('div', { class: 'panel' }, h('h3', { text: 'Strategies' }), this.strategiesBox),
      h('div', { class: 'panel' }, h('h3', { text: 'Sub-crowds: accuracy by size' }), this.subsetBox),
    );
  }

  render(state: RunState | undefined): void {
    const summary = state?.summary;
    this.empty.hidden = summary !== undefined;
    for (const panel of this.element.querySelectorAll<HTMLElement>('.panel'))
      panel.hidden = summary === undefined;
    if (!state || !summary) return;
    const lastRound = state.records.reduce((m, r) => Math.max(m, r.round), 0);
    const values = sampleFromRecords(state.records, lastRound).values;
    const subsets = summary.subsets;
    const byName = new Map((subsets?.strategies ?? []).map((s) => [s.name, s] as const));
    const { computed, notComputed } = partitionAggregates(summary.aggregates);
    const rows = [...computed]
      .sort((a, b) => a[1].absError - b[1].absError || a[0].localeCompare(b[0]))
      .map(([name, agg]) => {
        const beaten =
          values.length > 0 && Number.isFinite(agg.estimate)
            ? beatenShare(values, agg.estimate, summary.truth).beaten
            : Number.NaN;
        const curve = byName.get(name);
        return [
          name,
          formatNumber(agg.estimate),
          formatNumber(agg.absError),
          formatPercent(agg.absRelError),
          formatPercent(beaten),
          curve && curve.optimalK !== null
            ? `${curve.optimalK}${curve.optimalKInterval ? ` [${curve.optimalKInterval[0]}–${curve.optimalKInterval[1]}]` : ''}`
            : '–',
          curve ? formatPercent(curve.optimalAccuracy) : '–',
          curve && curve.smallestGoodK !== null ? String(curve.smallestGoodK) : '–',
          curve ? curve.flags.join(', ') : '',
        ];
      });
    this.strategiesBox.replaceChildren(
      h('p', {
        class: 'note',
        text: 'Sorted by absolute error. "Beats" is the share of individuals farther from the truth than the strategy (Galton 1907; Surowiecki 2004). The interval of the optimal k holds the sizes no other size is significantly more accurate than; flags: bias-artefact (the whole crowd misses the tolerance, so only noise makes small subsets accurate), saturated (accuracy 1, the optimum grows with the permutations), no-accurate-subset.',
      }),
      table(
        [
          'strategy',
          'estimate',
          'abs. error',
          'rel. error',
          'beats',
          'optimal k [interval]',
          'accuracy at k',
          'smallest good k',
          'flags',
        ],
        rows,
        'compare-table',
      ),
      notComputedNote(notComputed),
    );
    if (!subsets) {
      this.subsetBox.replaceChildren(
        emptyNote('This run has no subset analysis (it was run with --subsets 0).'),
      );
      this.chartKey = '';
      return;
    }
    const key = `${state.runId}:${subsets.ks.join(',')}:${subsets.strategies.length}`;
    if (key === this.chartKey) return;
    this.chartKey = key;
    const series = subsets.strategies.map((s, i) => ({ label: s.label, color: colorAt(i), points: true }));
    this.accuracy = new LineChart({
      xLabel: 'sub-crowd size k',
      yLabel: 'share within tolerance',
      series,
      xLog: true,
    });
    this.errors = new LineChart({
      xLabel: 'sub-crowd size k',
      yLabel: 'mean |rel. error|',
      series,
      xLog: true,
    });
    this.subsetBox.replaceChildren(
      h('p', {
        class: 'note',
        text: `${subsets.B} random sub-crowds per size; "accurate" = within ${formatPercent(subsets.tolerance)} of the truth. The optimal k is the size with the highest accuracy; the smallest good k is the first within ${formatPercent(subsets.epsilon)} of it.`,
      }),
      this.accuracy.element,
      this.errors.element,
    );
    const ks = [...subsets.ks];
    const pick = (f: (s: SubsetStrategyResult, i: number) => number) =>
      subsets.strategies.map((s) => s.points.map((_, i) => f(s, i)));
    this.accuracy.update(
      ks,
      pick((s, i) => s.points[i]?.accuracy ?? Number.NaN),
    );
    this.errors.update(
      ks,
      pick((s, i) => s.points[i]?.meanAbsRelError ?? Number.NaN),
    );
  }
}
