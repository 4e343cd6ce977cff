import {
  type ContrastMetric,
  isComputed,
  type ScoredAggregate,
  type StudyListing,
  type StudyReport,
  type StudyReportContrast,
  studyFigures,
} from '@emocrowd/crowd/analysis';
import { api } from '../data/api.js';
import { formatNumber, formatPercent } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { svgFigure } from '../ui/svgFigure.js';
import { table } from '../ui/table.js';
import { emptyNote } from './emptyNote.js';
import type { View } from './View.js';

/**
 * Study: a study directory of the store (`emocrowd study run`) as `emocrowd study report` sees
 * it: every cell, and per contrast a − b of each metric with its bootstrap interval, effect size
 * and Holm-adjusted p-value; the forest plots, overlaid log-scale histograms and subset curves are
 * the same figures as `study report --html` draws (`studyFigures`), from the same report the
 * server computes.
 */
export class StudyView implements View {
  readonly id = 'study';
  readonly label = 'Study';
  readonly element = h('section', { class: 'view', testid: 'view-study' });
  private readonly select = h('select', { testid: 'study-select', attrs: { 'aria-label': 'study' } });
  private readonly body = h('div', { testid: 'study-body' });
  private listed = '';
  private shown = '';

  constructor() {
    this.select.addEventListener('change', () => void this.open(this.select.value));
    this.element.append(
      h(
        'div',
        { class: 'panel' },
        h(
          'div',
          { class: 'panel-head' },
          h('h3', { text: 'Studies in the store' }),
          this.select,
          h('button', { text: 'Refresh', on: { click: () => void this.refresh(true) } }),
        ),
        this.body,
      ),
    );
  }

  render(): void {
    void this.refresh(false);
  }

  /** Reloads the list of studies; opens the first when none is shown (or `force`). */
  async refresh(force: boolean): Promise<void> {
    let studies: StudyListing[];
    try {
      studies = await api.studies();
    } catch (error) {
      this.body.replaceChildren(
        h('p', { class: 'error', text: `Cannot list studies: ${(error as Error).message}` }),
      );
      return;
    }
    if (studies.length === 0) {
      this.select.replaceChildren();
      this.body.replaceChildren(
        emptyNote('No study in the store yet. Run one with "npx emocrowd study run FILE --out runs/NAME".'),
      );
      return;
    }
    const ids = studies.map((s) => s.id).join('\n');
    if (ids !== this.listed) {
      this.listed = ids;
      this.select.replaceChildren(
        ...studies.map((s) =>
          h('option', {
            text: `${s.name} (${s.id}): ${s.complete}/${s.cells} cells, ${s.contrasts} contrasts`,
            attrs: { value: s.id },
          }),
        ),
      );
    }
    const wanted = studies.some((s) => s.id === this.shown) ? this.shown : (studies[0] as StudyListing).id;
    this.select.value = wanted;
    if (force || wanted !== this.shown) await this.open(wanted);
  }

  /** Loads and draws one study's report. */
  async open(id: string): Promise<void> {
    this.shown = id;
    this.body.replaceChildren(h('p', { class: 'note', text: `Computing the report of ${id}…` }));
    try {
      const report = await api.study(id);
      if (this.shown === id) this.body.replaceChildren(...drawReport(report));
    } catch (error) {
      if (this.shown === id)
        this.body.replaceChildren(
          h('p', { class: 'error', text: `Cannot report ${id}: ${(error as Error).message}` }),
        );
    }
  }
}

function drawReport(report: StudyReport): Node[] {
  const figures = studyFigures(report);
  const s = report.settings;
  const out: Node[] = [
    h('h3', { text: `Study ${report.study.name}`, testid: 'study-title' }),
    ...(report.study.description ? [h('p', { text: report.study.description })] : []),
    h('p', {
      class: 'note',
      text: `a − b with ${Math.round(s.level * 100)}% percentile bootstrap intervals (${s.bootstrap} resamples); p: two-sided permutation test (${s.permutations} permutations), Holm-adjusted over ${s.multiplicity.tests} tests.`,
    }),
    ...report.notes.map((n) => h('p', { class: 'error', text: `note: ${n}` })),
    cellsTable(report),
  ];
  if (figures.forest.length > 0)
    out.push(
      h('h3', { text: 'Contrasts at a glance' }),
      h(
        'div',
        { class: 'study-figures', testid: 'study-forest' },
        ...figures.forest.map((f) => svgFigure(f.svg)),
      ),
    );
  report.contrasts.forEach((contrast, i) => {
    const f = figures.contrasts[i];
    const drawn = [f?.histogram, f?.subsetAccuracy, f?.subsetError].filter(
      (x): x is string => x !== undefined,
    );
    out.push(
      h(
        'div',
        { class: 'study-contrast', dataset: { contrast: contrast.name } },
        h('h3', { text: `${contrast.name}: ${contrast.a} − ${contrast.b}` }),
        h('p', { class: 'note', text: pairing(contrast) }),
        metricsTable(contrast),
        ...contrast.notes.map((n) => h('p', { class: 'note', text: n })),
        h('div', { class: 'study-figures' }, ...drawn.map(svgFigure)),
      ),
    );
  });
  return out;
}

function cellsTable(report: StudyReport): HTMLTableElement {
  const factors = report.study.factors.filter((f) => f.levels.length > 1).map((f) => f.name);
  const computed = (a: ScoredAggregate | undefined) => (a && isComputed(a) ? a : undefined);
  return table(
    [
      'cell',
      ...factors,
      'state',
      'answered',
      'median',
      'rel. error',
      'mean',
      'rel. error',
      'optimal k (median)',
    ],
    report.cells.map((cell) => {
      const summary = cell.summary;
      const median = computed(summary?.aggregates?.median);
      const mean = computed(summary?.aggregates?.mean);
      const curve = summary?.subsets?.strategies.find((c) => c.name === 'median');
      const k = !curve
        ? '–'
        : curve.optimalK === null
          ? 'none'
          : `${curve.optimalK}${curve.optimalKInterval ? ` [${curve.optimalKInterval[0]}, ${curve.optimalKInterval[1]}]` : ''}`;
      return [
        cell.name,
        ...factors.map((f) => cell.factors[f] ?? ''),
        cell.state,
        summary ? String(summary.counts.answered) : '–',
        formatNumber(median?.estimate),
        formatPercent(median?.relError),
        formatNumber(mean?.estimate),
        formatPercent(mean?.relError),
        k,
      ];
    }),
    'study-cells',
  );
}

function metricsTable(contrast: StudyReportContrast): HTMLTableElement {
  const digits = (key: string) => (key.startsWith('absError.') ? 1 : 3);
  return table(
    ['metric', 'a', 'b', 'a − b', 'interval', 'effect size', 'p', 'p (Holm)'],
    Object.entries(contrast.metrics).map(([key, m]) => [
      key,
      formatNumber(m.a, digits(key)),
      formatNumber(m.b, digits(key)),
      formatNumber(m.estimate, digits(key)),
      `[${formatNumber(m.ci[0], digits(key))}, ${formatNumber(m.ci[1], digits(key))}]`,
      effect(m),
      p(m.p),
      p(m.pHolm),
    ]),
    'study-metrics',
  );
}

function pairing(contrast: StudyReportContrast): string {
  const pr = contrast.pairing;
  if (!pr) return 'not computed';
  return pr.paired
    ? `paired by persona (${pr.pairs} pairs; ${pr.unpairedA} + ${pr.unpairedB} without a pair left out)`
    : `independent crowds (${pr.reason})`;
}

function effect(m: ContrastMetric): string {
  const e = m.effectSize;
  if (e.kind === 'relativeToTruth') return `${formatPercent(e.value)} of truth`;
  const names = { dz: 'd_z', hedgesG: 'g', sdRatio: 'sd ratio' } as const;
  return `${names[e.kind]} ${formatNumber(e.value, 2)}`;
}

function p(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return value < 0.001 ? value.toExponential(1) : value.toFixed(3);
}
