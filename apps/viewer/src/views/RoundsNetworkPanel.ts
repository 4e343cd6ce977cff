import type { NetworkDescription, ResponseRecord } from '@emocrowd/crowd/analysis';
import { NetworkChart, type NetworkShape, type NodeAnswer } from '../charts/NetworkChart.js';
import { api } from '../data/api.js';
import type { RunState } from '../data/RunModel.js';
import { formatNumber } from '../ui/formatNumber.js';
import { h } from '../ui/h.js';

/** What the panel has fetched for one run. */
type Loaded =
  | { runId: string; status: 'loading' }
  | { runId: string; status: 'ready'; shape: NetworkShape }
  | { runId: string; status: 'error'; message: string };

/**
 * The Rounds view's network panel: the run's network (from the run directory's network.csv,
 * through `GET /api/runs/:id/network`) with each node coloured by its persona's answer in the
 * chosen round and replicate, so one sees how answers spread along the links round by round.
 */
export class RoundsNetworkPanel {
  readonly element = h('div', { class: 'panel', testid: 'rounds-network' });
  private readonly note = h('p', { class: 'note', testid: 'rounds-network-note' });
  private readonly round = h('select', { testid: 'network-round' });
  private readonly replicate = h('select', { testid: 'network-replicate' });
  private readonly chart = new NetworkChart();
  /** Holds the drawing while there is one (no SVG in the page otherwise). */
  private readonly chartBox = h('div', { class: 'network' });
  private readonly legend = h(
    'p',
    { class: 'note' },
    'Node colour: the answer against the truth, blue below, red above, full colour at 2.7 times off or more; grey: no answer. Hover a node for its persona, answer and what it was shown.',
  );
  private loaded: Loaded | undefined;
  private state: RunState | undefined;

  constructor(private readonly onLoaded: () => void) {
    const pick = () => this.recolour();
    this.round.addEventListener('change', pick);
    this.replicate.addEventListener('change', pick);
    this.element.append(
      h('h3', { text: 'Network and answers' }),
      this.note,
      h(
        'div',
        { class: 'controls' },
        h('label', {}, 'Round ', this.round),
        ' ',
        h('label', {}, 'Replicate ', this.replicate),
      ),
      this.chartBox,
      this.legend,
    );
  }

  /** Shows the network of the run on screen, if it has one. */
  render(state: RunState | undefined): void {
    this.state = state;
    const network = state?.network;
    this.element.hidden = network === undefined;
    if (!state || !network) {
      this.chart.element.remove();
      return;
    }
    if (state.origin === 'file') {
      this.show(
        `${network.spec}: the network is in the run directory's network.csv; open the run from the store to draw it.`,
      );
      return;
    }
    if (this.loaded?.runId !== state.runId) this.load(state.runId, network);
    if (this.loaded?.status === 'loading') this.show(`Loading the network (${network.spec})...`);
    else if (this.loaded?.status === 'error') this.show(this.loaded.message);
    else this.recolour();
  }

  private load(runId: string, network: NetworkDescription): void {
    this.loaded = { runId, status: 'loading' };
    api
      .network(runId)
      .then((answer) => {
        if (this.loaded?.runId !== runId) return;
        this.loaded =
          answer.edges === null
            ? {
                runId,
                status: 'error',
                message: `${network.spec}: ${network.nodes} nodes are too many to draw here (at most ${answer.drawLimit}); the edges are in the run's network.csv.`,
              }
            : {
                runId,
                status: 'ready',
                shape: { kind: network.kind, spec: network.spec, nodes: network.nodes, edges: answer.edges },
              };
        this.onLoaded();
      })
      .catch((error: unknown) => {
        if (this.loaded?.runId !== runId) return;
        this.loaded = {
          runId,
          status: 'error',
          message: `cannot draw the network: ${(error as Error).message}`,
        };
        this.onLoaded();
      });
  }

  private show(message: string): void {
    this.note.textContent = message;
    this.chart.element.remove();
    this.legend.hidden = true;
  }

  /** Colours the nodes by the answers of the chosen round and replicate. */
  private recolour(): void {
    const state = this.state;
    const loaded = this.loaded;
    if (!state?.network || loaded?.status !== 'ready' || loaded.runId !== state.runId) return;
    const records = state.records;
    syncOptions(this.round, distinct(records.map((r) => r.round)), 'round');
    syncOptions(this.replicate, distinct(records.map((r) => r.replicate)), 'replicate');
    const round = Number(this.round.value || 0);
    const replicate = Number(this.replicate.value || 0);
    const answers: (NodeAnswer | undefined)[] = new Array(state.network.nodes);
    let placed = 0;
    for (const r of records) {
      if (r.round !== round || r.replicate !== replicate || r.node === undefined) continue;
      answers[r.node] = answerOf(r);
      placed++;
    }
    this.chart.draw(loaded.shape);
    this.chart.colour(answers, state.truth, (x) => formatNumber(x));
    if (this.chart.element.parentNode !== this.chartBox) this.chartBox.append(this.chart.element);
    this.legend.hidden = false;
    const n = state.network;
    const answered = answers.filter((a) => a?.estimate !== undefined).length;
    this.note.textContent =
      `${n.spec}: ${n.nodes} nodes, ${n.edges} edges, degree ${n.degree.min}-${n.degree.max} (mean ${formatNumber(n.degree.mean)}). ` +
      `Round ${round}, replicate ${replicate}: ${answered} of ${n.nodes} nodes answered with a number` +
      (placed === 0 && records.some((r) => r.round === round)
        ? ' (these answers carry no node: a run made before answers recorded it)'
        : '') +
      '.';
  }
}

function answerOf(record: ResponseRecord): NodeAnswer {
  const answer: NodeAnswer = {
    label: record.emotion ? `${record.personaId} (${record.emotion})` : record.personaId,
  };
  if (record.status === 'ok' && record.estimate !== undefined && record.estimate !== null)
    answer.estimate = record.estimate;
  if (record.shown !== undefined) answer.shown = record.shown;
  return answer;
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Keeps a select's options equal to `values` (and its choice, when it is still there). */
function syncOptions(select: HTMLSelectElement, values: readonly number[], what: string): void {
  const current = [...select.options].map((o) => o.value).join(',');
  if (current === values.join(',')) return;
  const chosen = select.value;
  select.replaceChildren(
    ...values.map((v) => h('option', { text: `${what} ${v}`, attrs: { value: String(v) } })),
  );
  if (values.map(String).includes(chosen)) select.value = chosen;
  else if (values.length > 0) select.value = String(values[0]);
}
