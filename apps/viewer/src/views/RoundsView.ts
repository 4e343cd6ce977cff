import { LineChart } from '../charts/LineChart.js';
import { colorAt } from '../charts/palette.js';
import type { RunState } from '../data/RunModel.js';
import { formatNumber } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';
import { table } from '../ui/table.js';
import { emptyNote } from './emptyNote.js';
import { RoundsNetworkPanel } from './RoundsNetworkPanel.js';
import type { View } from './View.js';

/**
 * Rounds: how social influence changes the crowd from round to round: diversity and collective
 * error (log scale, so the diversity prediction terms compare across tasks), and the wisdom of
 * crowd indicator (Lorenz et al. 2011: influence tends to shrink diversity without improving
 * the collective error). A run with a network (`--network`) also gets its network drawn, each
 * node coloured by its answer in the round chosen.
 */
export class RoundsView implements View {
  readonly id = 'rounds';
  readonly label = 'Rounds';
  readonly element = h('section', { class: 'view', testid: 'view-rounds' });
  private readonly chart = new LineChart({
    xLabel: 'round',
    xIntegers: true,
    yLabel: 'log-space squared error',
    series: [
      { label: 'diversity (log)', color: colorAt(0), points: true },
      { label: 'collective error (log)', color: colorAt(3), points: true },
    ],
  });
  private readonly note = h('p', { class: 'note' });
  private readonly tableBox = h('div');
  private readonly network = new RoundsNetworkPanel(() => this.network.render(this.state));
  private state: RunState | undefined;

  constructor() {
    this.element.append(
      h(
        'div',
        { class: 'panel' },
        h('h3', { text: 'Diversity and collective error per round' }),
        this.note,
        this.chart.element,
        this.tableBox,
      ),
      this.network.element,
    );
  }

  render(state: RunState | undefined): void {
    this.state = state;
    this.network.render(state);
    const rounds = state?.rounds ?? [];
    if (rounds.length === 0) {
      this.note.replaceChildren(
        emptyNote(
          'Per-round measures appear as rounds finish. Set Rounds above 1 and an influence to see social influence at work.',
        ),
      );
      this.tableBox.replaceChildren();
      this.chart.update([], [[], []]);
      return;
    }
    this.note.textContent =
      rounds.length === 1
        ? 'One round: there was no social influence. Start a run with Rounds > 1 and an influence to compare rounds.'
        : 'Between rounds each persona saw what the influence setting shows of the others (Lorenz et al. 2011).';
    this.chart.update(
      rounds.map((r) => r.round),
      [rounds.map((r) => r.logDiversity), rounds.map((r) => r.logCollectiveError)],
    );
    this.tableBox.replaceChildren(
      table(
        [
          'round',
          'answers',
          'failed',
          'mean',
          'median',
          'avg. individual error',
          'collective error',
          'diversity',
          'log coll. error',
          'log diversity',
          'WoC indicator',
        ],
        rounds.map((r) => [
          String(r.round),
          String(r.n),
          String(r.failed),
          formatNumber(r.mean),
          formatNumber(r.median),
          formatNumber(r.averageIndividualError, 0),
          formatNumber(r.collectiveError, 0),
          formatNumber(r.diversity, 0),
          formatNumber(r.logCollectiveError, 4),
          formatNumber(r.logDiversity, 4),
          formatNumber(r.wocIndicator, 0),
        ]),
        'rounds-table',
      ),
    );
  }
}
