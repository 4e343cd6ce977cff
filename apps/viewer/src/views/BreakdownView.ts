import { type Breakdown, type GroupSummary, isComputed } from '@emocrowd/crowd/analysis';
import type { RunState } from '../data/RunModel.js';
import { formatNumber, formatPercent } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { emptyNote } from './emptyNote.js';
import type { View } from './View.js';

const TITLES: Record<string, string> = {
  emotion: 'Emotion (GoEmotions)',
  plutchik: 'Emotion (Plutchik)',
  socialConfiguration: 'Social configuration (all social attributes together)',
};

/**
 * Breakdown: the crowd split by emotion (GoEmotions or Plutchik) or by a social attribute; per
 * group its size, median and mean with 95% bootstrap intervals drawn against the truth, and the
 * median's error. Also the share of variance of ln(estimate) each dimension explains.
 */
export class BreakdownView implements View {
  readonly id = 'breakdown';
  readonly label = 'Breakdown';
  readonly element = h('section', { class: 'view', testid: 'view-breakdown' });
  private readonly select = h('select', { testid: 'breakdown-dimension' });
  private readonly body = h('div');
  private readonly effects = h('div');
  private last: RunState | undefined;

  constructor() {
    this.select.addEventListener('change', () => this.render(this.last));
    this.element.append(
      h(
        'div',
        { class: 'panel' },
        h(
          'div',
          { class: 'panel-head' },
          h('h3', { text: 'Groups' }),
          h('label', {}, 'Break down by ', this.select),
        ),
        this.body,
      ),
      h('div', { class: 'panel' }, h('h3', { text: 'Variance explained' }), this.effects),
    );
  }

  render(state: RunState | undefined): void {
    this.last = state;
    const groups = state?.summary?.groups;
    const dims = Object.keys(groups ?? {});
    if (!state || !groups || dims.length === 0) {
      this.select.replaceChildren();
      this.body.replaceChildren(
        emptyNote('Breakdowns appear when a run with emotions or social attributes has completed.'),
      );
      this.effects.replaceChildren();
      return;
    }
    const current = dims.includes(this.select.value) ? this.select.value : (dims[0] as string);
    if ([...this.select.options].map((o) => o.value).join() !== dims.join()) {
      this.select.replaceChildren(
        ...dims.map((d) => h('option', { text: TITLES[d] ?? d, attrs: { value: d } })),
      );
    }
    this.select.value = current;
    this.body.replaceChildren(this.forest(groups[current] as Breakdown, state.unit));
    const effects = state.summary?.effectSizes ?? [];
    const model = state.summary?.effectModel;
    this.effects.replaceChildren(
      effects.length === 0
        ? emptyNote('No group dimensions.')
        : h(
            'ul',
            { class: 'effects' },
            ...effects.map((e) =>
              h('li', {
                text: `${TITLES[e.dimension] ?? e.dimension}: η² = ${formatNumber(e.eta2, 3)} (ω² = ${formatNumber(e.omega2, 3)}) of the variance of ln(estimate)`,
              }),
            ),
          ),
      ...(model
        ? [
            h('p', {
              class: 'note',
              text: `One model of ln(estimate) on emotion and the social configuration together (Type II sums of squares, ${model.n} answers); partial η², partial ω² and a ${Math.round(model.bootstrap.level * 100)}% bootstrap interval of the population share:`,
            }),
            h(
              'ul',
              { class: 'effects', testid: 'effect-model' },
              ...model.terms.map((t) =>
                h('li', {
                  text: `${TITLES[t.factor] ?? t.factor} (${t.levels} levels): partial η² = ${formatNumber(t.partialEta2, 4)}, partial ω² = ${formatNumber(t.partialOmega2, 4)}, ${t.interval ? `interval [${formatNumber(t.interval[0], 4)}, ${formatNumber(t.interval[1], 4)}]` : 'too few answers per level for an interval'}`,
                }),
              ),
            ),
          ]
        : []),
    );
  }

  /** One row per group: numbers, and median/mean intervals drawn on a common scale with the truth. */
  private forest(breakdown: Breakdown, unit: string): HTMLElement {
    const list = breakdown.groups;
    const ends = list.flatMap((g) => [
      g.medianCi?.lower,
      g.medianCi?.upper,
      g.meanCi?.lower,
      g.meanCi?.upper,
      g.aggregates.median?.estimate,
    ]);
    const finite = [...ends, breakdown.truth].filter(
      (v): v is number => typeof v === 'number' && Number.isFinite(v),
    );
    const lo = Math.min(...finite);
    const hi = Math.max(...finite);
    const pos = (v: number): string => `${(((v - lo) / (hi - lo || 1)) * 100).toFixed(2)}%`;
    const interval = (cls: string, ci: GroupSummary['medianCi']) =>
      ci && Number.isFinite(ci.lower) && Number.isFinite(ci.upper)
        ? h('span', {
            class: `ci ${cls}`,
            attrs: { style: `left:${pos(ci.lower)};width:calc(${pos(ci.upper)} - ${pos(ci.lower)})` },
          })
        : null;
    const rows = list.map((g) => {
      const scored = g.aggregates.median;
      const median = scored && isComputed(scored) ? scored : undefined;
      return h(
        'tr',
        { dataset: { group: g.label } },
        h('td', { text: g.label }),
        h('td', { class: 'num', text: String(g.n) }),
        h('td', { class: 'num', text: `${formatNumber(median?.estimate)}` }),
        h('td', {
          class: 'num',
          text: g.medianCi ? `${formatNumber(g.medianCi.lower)} – ${formatNumber(g.medianCi.upper)}` : '–',
        }),
        h('td', { class: 'num', text: formatPercent(median?.absRelError) }),
        h(
          'td',
          { class: 'forest' },
          h(
            'div',
            { class: 'track' },
            h('span', { class: 'truth', attrs: { style: `left:${pos(breakdown.truth)}` }, title: 'truth' }),
            interval('mean', g.meanCi),
            interval('median', g.medianCi),
            median && Number.isFinite(median.estimate)
              ? h('span', { class: 'dot', attrs: { style: `left:${pos(median.estimate)}` } })
              : null,
          ),
        ),
      );
    });
    return h(
      'div',
      {},
      h('p', {
        class: 'note',
        text: `Bars: 95% percentile-bootstrap intervals of the group median (dark) and mean (light); red line: the truth (${formatNumber(breakdown.truth)} ${unit}). Scale ${formatNumber(lo)} to ${formatNumber(hi)}.`,
      }),
      h(
        'table',
        { testid: 'breakdown-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['group', 'n', 'median', '95% interval', 'median error', ''].map((c) => h('th', { text: c })),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    );
  }
}
