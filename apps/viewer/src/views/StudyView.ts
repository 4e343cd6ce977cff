import {
  contrastMetricsTable,
  describePairing,
  type StudyListing,
  type StudyReport,
  type StudyTable,
  studyCellsTable,
  studyFigures,
} from '@emocrowd/crowd/analysis';
import { api } from '../data/api.js';
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
    studyTable(studyCellsTable(report), 'study-cells'),
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
        h('p', { class: 'note', text: describePairing(contrast) || 'not computed' }),
        studyTable(contrastMetricsTable(contrast), 'study-metrics'),
        ...contrast.notes.map((n) => h('p', { class: 'note', text: n })),
        h('div', { class: 'study-figures' }, ...drawn.map(svgFigure)),
      ),
    );
  });
  return out;
}

/** A table of the study report, built by crowd's code as the command line's reports are. */
function studyTable(t: StudyTable, testid: string): HTMLTableElement {
  return table(t.head, t.rows, testid, t.textColumns);
}
