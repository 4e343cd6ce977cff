import { isComputed, partitionAggregates, type ResponseRecord } from '@emocrowd/crowd/analysis';
import { HistogramChart } from '../charts/HistogramChart.js';
import { LineChart } from '../charts/LineChart.js';
import type { Marker } from '../charts/Marker.js';
import { colorAt, TRUTH_COLOR } from '../charts/palette.js';
import type { RunState } from '../data/RunModel.js';
import { formatNumber, formatPercent } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { table } from '../ui/table.js';
import { emptyNote } from './emptyNote.js';
import { notComputedNote } from './notComputedNote.js';
import type { View } from './View.js';

const RUNNING = ['mean', 'median', 'geometricMean'] as const;
const RUNNING_LABELS: Record<(typeof RUNNING)[number], string> = {
  mean: 'mean',
  median: 'median',
  geometricMean: 'geometric mean',
};
/** Aggregates drawn as lines on the histogram when the run is complete. */
const DRAWN = ['mean', 'median', 'geometricMean', 'trimmedMean'];

/**
 * The live view: progress and failures, the histogram of estimates (linear or log) with the
 * truth and each aggregate marked, the aggregates table (running until the run completes, then
 * the summary's), running aggregates converging over answers, and the latest answers with the
 * model's raw text (as text).
 */
export class LiveView implements View {
  readonly id = 'live';
  readonly label = 'Live';
  readonly element = h('section', { class: 'view', testid: 'view-live' });
  private readonly histogram = new HistogramChart();
  private readonly convergence = new LineChart({
    xLabel: 'answers',
    yLabel: 'aggregate',
    series: [
      ...RUNNING.map((name, i) => ({ label: RUNNING_LABELS[name], color: colorAt(i) })),
      { label: 'truth', color: TRUTH_COLOR, dash: true },
    ],
  });
  private readonly logToggle = h('input', { attrs: { type: 'checkbox' }, testid: 'log-scale' });
  private readonly header = h('div', { class: 'run-header' });
  private readonly progress = h('div', { class: 'progress' });
  private readonly legend = h('ul', { class: 'legend' });
  private readonly aggregates = h('div', { testid: 'aggregates-box' });
  private readonly answers = h('ol', { class: 'answers', testid: 'answers' });
  private readonly empty = emptyNote(
    'No run yet. Choose a task and model on the left and press Start, or open a run in the Open tab.',
  );
  private readonly body: HTMLElement;
  private last: RunState | undefined;

  constructor() {
    this.logToggle.addEventListener('change', () => this.render(this.last));
    this.body = h(
      'div',
      {},
      this.header,
      this.progress,
      h(
        'div',
        { class: 'panel' },
        h(
          'div',
          { class: 'panel-head' },
          h('h3', { text: 'Estimates' }),
          h('label', { class: 'toggle' }, this.logToggle, ' log scale'),
        ),
        this.histogram.element,
        this.histogram.note,
        this.legend,
      ),
      h('div', { class: 'panel' }, h('h3', { text: 'Aggregates' }), this.aggregates),
      h(
        'div',
        { class: 'panel' },
        h('h3', { text: 'Running aggregates' }),
        h('p', { class: 'note', text: 'How each aggregate moves as answers arrive (round by round).' }),
        this.convergence.element,
      ),
      h('div', { class: 'panel' }, h('h3', { text: 'Latest answers' }), this.answers),
    );
    this.element.append(this.empty, this.body);
  }

  render(state: RunState | undefined): void {
    this.last = state;
    this.empty.hidden = state !== undefined;
    this.body.hidden = state === undefined;
    if (!state) return;
    this.renderHeader(state);
    const lastRound = state.records.reduce((m, r) => Math.max(m, r.round), 0);
    const values = state.records
      .filter((r) => r.round === lastRound && r.status === 'ok' && r.estimate !== undefined)
      .map((r) => r.estimate as number);
    const markers = this.markers(state);
    this.histogram.update(values, markers, this.logToggle.checked);
    this.legend.replaceChildren(
      ...markers.map((m) =>
        h(
          'li',
          {},
          h('span', { class: 'swatch', attrs: { style: `background:${m.color}` } }),
          `${m.label}: ${formatNumber(m.value)}`,
        ),
      ),
    );
    this.renderAggregates(state);
    const snaps = state.snapshots;
    // x = answers so far, counting earlier rounds' answers too, so rounds follow each other.
    this.convergence.update(
      snaps.map((s) => s.round * s.total + s.answered + s.failed),
      [...RUNNING.map((name) => snaps.map((s) => finite(s.aggregates[name]))), snaps.map(() => state.truth)],
    );
    this.renderAnswers(state.records);
  }

  private renderHeader(state: RunState): void {
    const done = state.ok + state.failed;
    const share = state.expected > 0 ? done / state.expected : 0;
    this.header.replaceChildren(
      h('h2', { text: state.title }),
      h('p', { class: 'question', text: state.question }),
      h(
        'p',
        {},
        `Truth: ${formatNumber(state.truth)} ${state.unit}  ·  `,
        h('span', { class: `status status-${state.status}`, testid: 'status', text: state.status }),
      ),
      state.error ? h('p', { class: 'error', text: state.error }) : '',
    );
    const bar = h(
      'div',
      { class: 'bar' },
      h('div', { class: 'fill', attrs: { style: `width:${(share * 100).toFixed(1)}%` } }),
    );
    this.progress.replaceChildren(
      bar,
      h('span', {
        testid: 'progress',
        text: `${done} of ${state.expected || '?'} answers · ${state.ok} with a number · ${state.failed} failed or unreadable${state.counts?.missing ? ` · ${state.counts.missing} missing` : ''}`,
      }),
    );
  }

  private markers(state: RunState): Marker[] {
    const markers: Marker[] = [{ value: state.truth, label: 'truth', color: TRUTH_COLOR, dash: true }];
    if (state.summary) {
      DRAWN.forEach((name, i) => {
        const agg = state.summary?.aggregates[name];
        if (agg && isComputed(agg)) markers.push({ value: agg.estimate, label: name, color: colorAt(i) });
      });
    } else {
      const snap = state.snapshots[state.snapshots.length - 1];
      if (snap) {
        RUNNING.forEach((name, i) => {
          markers.push({
            value: snap.aggregates[name],
            label: `${RUNNING_LABELS[name]} (so far)`,
            color: colorAt(i),
          });
        });
      }
    }
    return markers;
  }

  private renderAggregates(state: RunState): void {
    const summary = state.summary;
    if (!summary) {
      const snap = state.snapshots[state.snapshots.length - 1];
      this.aggregates.replaceChildren(
        h('p', { class: 'note', text: 'Running values; every strategy is computed when the run completes.' }),
        table(
          ['aggregate', 'estimate', 'error'],
          RUNNING.map((name) => {
            const value = snap?.aggregates[name] ?? Number.NaN;
            return [
              RUNNING_LABELS[name],
              formatNumber(value),
              formatPercent(Math.abs(value - state.truth) / Math.abs(state.truth)),
            ];
          }),
          'aggregates-running',
        ),
      );
      return;
    }
    const { computed: rows, notComputed } = partitionAggregates(summary.aggregates);
    const t = h(
      'table',
      { testid: 'aggregates' },
      h(
        'thead',
        {},
        h('tr', {}, ...['strategy', 'estimate', 'error', 'relative error'].map((c) => h('th', { text: c }))),
      ),
    );
    const body = h('tbody');
    for (const [name, agg] of rows) {
      body.append(
        h(
          'tr',
          { dataset: { strategy: name, estimate: String(agg.estimate) } },
          h('td', { text: name }),
          h('td', { class: 'num', text: formatNumber(agg.estimate), dataset: { role: 'estimate' } }),
          h('td', { class: 'num', text: formatNumber(agg.error) }),
          h('td', { class: 'num', text: formatPercent(agg.relError) }),
        ),
      );
    }
    t.append(body);
    const m = summary.metrics;
    this.aggregates.replaceChildren(
      t,
      notComputedNote(notComputed),
      h(
        'p',
        { class: 'note', testid: 'metrics' },
        `Crowd of ${m.n}: the mean beats ${formatPercent(m.beatenByMean)} of individuals, the median ${formatPercent(m.beatenByMedian)}; collective error ${formatNumber(m.collectiveError, 0)} = average individual error ${formatNumber(m.averageIndividualError, 0)} − diversity ${formatNumber(m.diversity, 0)} (squared ${state.unit || 'units'}).`,
      ),
    );
  }

  private renderAnswers(records: readonly ResponseRecord[]): void {
    const latest = records.slice(-50).reverse();
    this.answers.replaceChildren(
      ...latest.map((r) =>
        h(
          'li',
          { class: r.status === 'ok' ? 'ok' : 'bad' },
          h('span', {
            class: 'who',
            text:
              [r.emotion, ...Object.values(r.attributes ?? {})].filter(Boolean).join(' · ') || r.personaId,
          }),
          h('span', { class: 'num', text: r.status === 'ok' ? formatNumber(r.estimate) : r.status }),
          h('span', { class: 'raw', text: r.raw ?? r.reason ?? '' }),
        ),
      ),
    );
  }
}

function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
