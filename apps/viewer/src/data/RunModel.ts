import {
  type CrowdEvent,
  type CrowdSnapshot,
  descriptorItems,
  type EstimateSummary,
  type ItemDescriptor,
  type NetworkDescription,
  type ResponseRecord,
  type RoundStats,
  type RunCounts,
  type RunSummary,
} from '@emocrowd/crowd/analysis';
import { convergenceFromRecords } from './convergenceFromRecords.js';

/** Where the run on screen comes from. */
export type RunOrigin = 'live' | 'store' | 'file';

/**
 * What the views draw: one run, live or finished. A battery's run is shown one item at a time:
 * `question`, `unit`, `truth`, `records`, `snapshots`, `rounds` and `summary` are those of the
 * item on screen (`item`); the counts are the whole run's.
 */
export interface RunState {
  origin: RunOrigin;
  runId: string;
  title: string;
  question: string;
  unit: string;
  truth: number;
  status: 'waiting' | 'running' | 'stopping' | 'completed' | 'stopped' | 'incomplete' | 'failed';
  /** Answers the run asks for (0 = unknown). */
  expected: number;
  /** The answers to the item on screen. */
  records: ResponseRecord[];
  /** Answers with a number, over the whole run. */
  ok: number;
  /** Answers without one, over the whole run. */
  failed: number;
  /** Running aggregates over the answers so far (live: crowdUpdated; finished: rebuilt). */
  snapshots: CrowdSnapshot[];
  rounds: RoundStats[];
  /** The final analysis of the item on screen (the run's summary, or computed in the browser for a file). */
  summary?: EstimateSummary;
  counts?: RunCounts;
  error?: string;
  /** The run's items (one for a single question). */
  items: ItemDescriptor[];
  /** The id of the item on screen. */
  item: string;
  /** The whole run's summary (a battery's has `items` and the cross-item analysis). */
  runSummary?: RunSummary;
  /** The run's network (`--network`), as run.json describes it. */
  network?: NetworkDescription;
}

/** What a run has, item by item, before one item is chosen for the screen. */
interface RunData {
  records: Map<string, ResponseRecord[]>;
  snapshots: Map<string, CrowdSnapshot[]>;
  rounds: RoundStats[];
}

/**
 * The one place where a run's events become what the views show (TanStack-query style: events
 * reduced in one place, views only render).
 *
 * Listeners are told about changes at most once per animation frame, so a fast crowd does not
 * re-render per answer. A `runStarted` resets the state, so a reconnecting event stream that
 * replays the run from the start does not count answers twice. A battery's answers, snapshots
 * and round measures are kept per item; `selectItem` puts another item on screen.
 */
export class RunModel {
  state: RunState | undefined;
  private data: RunData = emptyData();
  private readonly listeners = new Set<(state: RunState | undefined) => void>();
  private scheduled = false;

  /**
   * Adds a listener.
   *
   * @param listener called with the new state after changes.
   * @returns a function removing it.
   */
  subscribe(listener: (state: RunState | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts showing a run before its first event arrives.
   *
   * @param origin live or store.
   * @param runId the run id.
   */
  begin(origin: RunOrigin, runId: string): void {
    this.data = emptyData();
    this.state = {
      origin,
      runId,
      title: runId,
      question: '',
      unit: '',
      truth: Number.NaN,
      status: 'waiting',
      expected: 0,
      records: [],
      ok: 0,
      failed: 0,
      snapshots: [],
      rounds: [],
      items: [],
      item: '',
    };
    this.changed();
  }

  /**
   * Applies one event of the run.
   *
   * @param event the event.
   */
  apply(event: CrowdEvent): void {
    const state = this.state;
    if (!state) return;
    switch (event.type) {
      case 'runStarted': {
        const d = event.run;
        const items = descriptorItems(d.task);
        this.data = emptyData();
        Object.assign(state, {
          title: `${d.task.id} · ${d.model.id} · ${d.personas.count} personas${items.length > 1 ? ` · ${items.length} items` : ''}`,
          status: 'running',
          expected: d.personas.count * d.replicates * d.rounds * items.length,
          ok: 0,
          failed: 0,
          items,
          item: items[0]?.id ?? '',
        });
        delete state.summary;
        delete state.counts;
        delete state.runSummary;
        if (d.influence.network) state.network = d.influence.network;
        else delete state.network;
        this.focus(state);
        break;
      }
      case 'estimateSubmitted':
      case 'estimateFailed': {
        const id = event.record.item ?? state.items[0]?.id ?? '';
        listIn(this.data.records, id).push(event.record);
        if (event.type === 'estimateSubmitted') state.ok++;
        else state.failed++;
        break;
      }
      case 'crowdUpdated': {
        const snap = event.snapshot;
        if (snap.items) {
          for (const item of snap.items) {
            listIn(this.data.snapshots, item.item).push({
              round: snap.round,
              answered: item.answered,
              failed: item.failed,
              total: item.total,
              aggregates: item.aggregates,
            });
          }
        } else listIn(this.data.snapshots, state.items[0]?.id ?? '').push(snap);
        break;
      }
      case 'roundFinished':
        this.data.rounds.push(event.stats);
        state.rounds = this.roundsOf(state.item);
        break;
      case 'runCompleted':
        state.runSummary = event.summary;
        state.counts = event.summary.counts;
        this.data.rounds = event.summary.rounds;
        state.status = event.cancelled ? 'stopped' : 'completed';
        this.focus(state);
        break;
    }
    this.changed();
  }

  /**
   * Puts another item of a battery on screen.
   *
   * @param id the item's id.
   */
  selectItem(id: string): void {
    const state = this.state;
    if (!state || !state.items.some((i) => i.id === id)) return;
    state.item = id;
    this.focus(state);
    this.changed();
  }

  /** Marks a stop as asked for. */
  stopping(): void {
    if (this.state?.status === 'running') this.state.status = 'stopping';
    this.changed();
  }

  /**
   * Ends the event stream: a run without `runCompleted` is incomplete (or failed, with a reason).
   *
   * @param error why the stream broke, if it did.
   */
  end(error?: string): void {
    const state = this.state;
    if (!state) return;
    if (state.status !== 'completed' && state.status !== 'stopped') {
      state.status = error ? 'failed' : 'incomplete';
      if (error) state.error = error;
      this.focus(state);
    }
    this.changed();
  }

  /**
   * Shows a run analysed in the browser (a dropped file).
   *
   * @param state the complete state.
   */
  load(state: RunState): void {
    this.data = emptyData();
    if (state.item !== '') this.data.records.set(state.item, state.records);
    this.state = state;
    this.changed();
  }

  /** Sets the item-dependent fields of the state to those of `state.item`. */
  private focus(state: RunState): void {
    const item = state.items.find((i) => i.id === state.item);
    state.question = item?.question ?? '';
    state.unit = item?.unit ?? '';
    state.truth = item?.truth ?? Number.NaN;
    state.records = listIn(this.data.records, state.item);
    state.rounds = this.roundsOf(state.item);
    const summary = state.runSummary;
    const itemSummary = summary?.items
      ? (summary.items.find((i) => i.id === state.item)?.summary ?? undefined)
      : summary?.aggregates
        ? (summary as EstimateSummary)
        : undefined;
    if (itemSummary) state.summary = itemSummary;
    else delete state.summary;
    const live = listIn(this.data.snapshots, state.item);
    // A finished run without live snapshots (a stored run) is rebuilt from its answers.
    const finished = state.status !== 'running' && state.status !== 'waiting' && state.status !== 'stopping';
    state.snapshots = live.length === 0 && finished ? convergenceFromRecords(state.records) : live;
  }

  private roundsOf(item: string): RoundStats[] {
    return this.data.rounds.filter((r) => r.item === undefined || r.item === item);
  }

  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      for (const listener of this.listeners) listener(this.state);
    });
  }
}

function emptyData(): RunData {
  return { records: new Map(), snapshots: new Map(), rounds: [] };
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) {
    list = [];
    map.set(key, list);
  }
  return list;
}
