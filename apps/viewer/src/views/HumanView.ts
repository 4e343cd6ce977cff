import type { CrowdProfile, FidelityInterval, HumanAnswers, HumanFidelity } from '@emocrowd/crowd/analysis';
import { OverlayHistogramChart } from '../charts/OverlayHistogramChart.js';
import { TRUTH_COLOR } from '../charts/palette.js';
import { HumanAnswersCache } from '../data/humanAnswersCache.js';
import type { RunState } from '../data/RunModel.js';
import { formatNumber, formatPercent } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { table } from '../ui/table.js';
import { emptyNote } from './emptyNote.js';
import type { View } from './View.js';

const SIMULATED_COLOR = '#2563eb';
const HUMAN_COLOR = '#ea580c';

/**
 * Simulated against human: for the item on screen, the run's independent answers (round 0) and
 * the human crowd that answered the same question drawn over each other on a log scale, the
 * fidelity statistics with their intervals, both crowds' profiles side by side, and every item's
 * fidelity in one table. The numbers are the run summary's (`fidelity`); the human answers are
 * fetched from the server only to draw them.
 */
export class HumanView implements View {
  readonly id = 'human';
  readonly label = 'Human';
  readonly element = h('section', { class: 'view', testid: 'view-human' });
  private readonly chart = new OverlayHistogramChart('overlay');
  private readonly head = h('div', { class: 'run-header' });
  private readonly statsBox = h('div', { testid: 'fidelity' });
  private readonly profileBox = h('div');
  private readonly itemsBox = h('div');
  private readonly empty = emptyNote(
    "Simulated and human answers are compared when a finished run's task has a human crowd (the built-in batteries lorenz-2011, becker-2017, navajas-2018, calorie-quiz, jelly-beans, or a task file naming one under human).",
  );
  private readonly body: HTMLElement;
  private readonly answers = new HumanAnswersCache(() => this.render(this.last));
  private last: RunState | undefined;
  private chartKey = '';

  constructor() {
    this.body = h(
      'div',
      {},
      this.head,
      h(
        'div',
        { class: 'panel' },
        h('h3', { text: 'Answers: simulated (round 0) over human' }),
        this.chart.element,
        this.chart.note,
      ),
      h('div', { class: 'panel' }, h('h3', { text: 'Fidelity' }), this.statsBox),
      h('div', { class: 'panel' }, h('h3', { text: 'The two crowds side by side' }), this.profileBox),
      h('div', { class: 'panel' }, h('h3', { text: 'Every item' }), this.itemsBox),
    );
    this.element.append(this.empty, this.body);
  }

  render(state: RunState | undefined): void {
    this.last = state;
    const fidelity = state ? fidelityOf(state) : undefined;
    this.empty.hidden = fidelity !== undefined;
    this.body.hidden = fidelity === undefined;
    if (!state || !fidelity) return;
    this.head.replaceChildren(
      h('h2', { text: state.question }),
      h('p', {
        class: 'note',
        testid: 'human-source',
        text: `Truth ${formatNumber(state.truth, 2)} ${state.unit}. Human crowd: ${sourceText(fidelity.source)}.`,
      }),
    );
    this.statsBox.replaceChildren(statsTable(fidelity));
    this.statsBox.dataset.item = state.item;
    this.profileBox.replaceChildren(profileTable(fidelity.simulated, fidelity.human));
    this.itemsBox.replaceChildren(itemsTable(state));
    this.drawChart(state, fidelity);
  }

  private drawChart(state: RunState, fidelity: HumanFidelity): void {
    const simulated = state.records
      .filter((r) => r.round === 0 && r.status === 'ok' && r.estimate !== undefined)
      .map((r) => r.estimate as number);
    const known = this.answers.get(state.runId);
    const human: HumanAnswers | undefined =
      known.status === 'loaded' ? known.items.find((i) => i.item === state.item) : undefined;
    if (known.status === 'failed') this.chart.note.textContent = `Human answers not shown: ${known.error}`;
    this.chart.element.dataset.human = known.status;
    if (known.status !== 'loaded') return;
    const key = `${state.runId}:${state.item}:${simulated.length}`;
    if (key === this.chartKey || !this.chart.element.isConnected) return;
    this.chartKey = key;
    this.chart.update(
      [
        { label: `simulated (n = ${simulated.length})`, color: SIMULATED_COLOR, values: simulated },
        {
          label: `human (n = ${human?.values.length ?? 0})`,
          color: HUMAN_COLOR,
          values: human?.values ?? [],
        },
      ],
      [{ value: state.truth, label: 'truth', color: TRUTH_COLOR, dash: true }],
    );
    this.chart.element.dataset.item = state.item;
    if (!human) this.chart.note.textContent = `The server has no human answers for ${state.item}.`;
    else if (simulated.length !== fidelity.simulated.n)
      this.chart.note.textContent += ` (${simulated.length} of ${fidelity.simulated.n} simulated answers received so far)`;
  }
}

/** The fidelity of the item on screen (a battery's item, or the single question's). */
function fidelityOf(state: RunState): HumanFidelity | undefined {
  const summary = state.runSummary;
  if (!summary) return undefined;
  if (summary.items) return summary.items.find((i) => i.id === state.item)?.fidelity;
  return summary.fidelity;
}

function sourceText(source: HumanFidelity['source']): string {
  const filter = Object.entries(source.filter ?? {})
    .map(([column, value]) => `${column} = ${value}`)
    .join(', ');
  return `${source.file}, column ${source.column}${filter ? ` where ${filter}` : ''} (${source.note})`;
}

function interval(i: FidelityInterval, digits: number): string {
  return `${formatNumber(i.estimate, digits)} [${formatNumber(i.lower, digits)}, ${formatNumber(i.upper, digits)}]`;
}

function statsTable(f: HumanFidelity): HTMLElement {
  const level = `${Math.round(f.level * 100)}%`;
  return h(
    'div',
    {},
    h('p', {
      class: 'note',
      text: `Each statistic with its ${level} percentile bootstrap interval (${f.resamples} resamples of both crowds). KS and Wasserstein-1 compare the distributions of ln(estimate / truth); a dispersion ratio under 0.5 marks the simulated crowd homogeneous. See docs/metrics.md.`,
    }),
    table(
      ['statistic', `estimate [${level} interval]`, 'reads'],
      [
        ['median ratio (simulated / human)', interval(f.medianRatio, 3), '1: centred alike'],
        [
          'dispersion ratio (sd ln x, simulated / human)',
          interval(f.dispersionRatio, 3),
          '< 1: less spread than people',
        ],
        [
          'Kolmogorov-Smirnov D',
          interval(f.ks, 3),
          f.ks.pValue < 1e-4 ? 'p < 0.0001' : `p = ${formatNumber(f.ks.pValue, 4)}`,
        ],
        ['Wasserstein-1 (log units)', interval(f.wasserstein, 3), '0.1: about 10% of mass moved'],
      ],
      'fidelity-table',
    ),
    h('p', {
      class: f.homogeneous ? 'warning' : 'note',
      testid: 'homogeneous',
      text: f.homogeneous
        ? 'Homogeneous: the simulated crowd spreads less than half as much as the humans.'
        : 'Not homogeneous: the simulated spread is at least half the human one.',
    }),
  );
}

function profileTable(sim: CrowdProfile, hum: CrowdProfile): HTMLTableElement {
  const row = (label: string, f: (p: CrowdProfile) => string): string[] => [label, f(sim), f(hum)];
  return table(
    ['', 'simulated', 'human'],
    [
      row('answers', (p) => String(p.n)),
      row('answers <= 0 (left out of logs)', (p) => String(p.dropped)),
      row('median', (p) => formatNumber(p.median, 2)),
      row('ln(median / truth)', (p) => formatNumber(p.medianLogRatio, 3)),
      row('sd of ln x', (p) => formatNumber(p.logSd, 3)),
      row('log collective error (ln g − ln T)²', (p) => formatNumber(p.logCollectiveError, 4)),
      row('round-number share', (p) => formatPercent(p.roundNumberShare)),
      row('bracketing rate', (p) => formatPercent(p.bracketingRate)),
    ],
    'profile-table',
  );
}

function itemsTable(state: RunState): HTMLTableElement {
  const summary = state.runSummary;
  const rows = summary?.items
    ? summary.items.map((i) => [i.id, i.fidelity] as const)
    : [[state.item, summary?.fidelity] as const];
  return table(
    ['item', 'median ratio', 'dispersion ratio', 'KS D', 'Wasserstein-1', 'homogeneous'],
    rows.map(([id, f]) =>
      f
        ? [
            id,
            formatNumber(f.medianRatio.estimate, 3),
            formatNumber(f.dispersionRatio.estimate, 3),
            formatNumber(f.ks.estimate, 3),
            formatNumber(f.wasserstein.estimate, 3),
            f.homogeneous ? 'yes' : 'no',
          ]
        : [id, '–', '–', '–', '–', 'no human crowd'],
    ),
    'fidelity-items',
  );
}
