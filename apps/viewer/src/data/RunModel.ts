import type {
  CrowdEvent,
  CrowdSnapshot,
  EstimateSummary,
  ResponseRecord,
  RoundStats,
  RunCounts,
} from '@emocrowd/crowd/analysis';
import { convergenceFromRecords } from './convergenceFromRecords.js';

/** Where the run on screen comes from. */
export type RunOrigin = 'live' | 'store' | 'file';

/** What the views draw: one run, live or finished. */
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
  records: ResponseRecord[];
  ok: number;
  failed: number;
  /** Running aggregates over the answers so far (live: crowdUpdated; finished: rebuilt). */
  snapshots: CrowdSnapshot[];
  rounds: RoundStats[];
  /** The final analysis (the run's summary, or computed in the browser for a file). */
  summary?: EstimateSummary;
  counts?: RunCounts;
  error?: string;
}

/**
 * The one place where a run's events become what the views show (TanStack-query style: events
 * reduced in one place, views only render).
 *
 * Listeners are told about changes at most once per animation frame, so a fast crowd does not
 * re-render per answer. A `runStarted` resets the state, so a reconnecting event stream that
 * replays the run from the start does not count answers twice.
 */
export class RunModel {
  state: RunState | undefined;
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
        Object.assign(state, {
          title: `${d.task.id} · ${d.model.id} · ${d.personas.count} personas`,
          question: d.task.question,
          unit: d.task.unit,
          truth: d.task.truth,
          status: 'running',
          expected: d.personas.count * d.replicates * d.rounds,
          records: [],
          ok: 0,
          failed: 0,
          snapshots: [],
          rounds: [],
        });
        delete state.summary;
        delete state.counts;
        break;
      }
      case 'estimateSubmitted':
        state.records.push(event.record);
        state.ok++;
        break;
      case 'estimateFailed':
        state.records.push(event.record);
        state.failed++;
        break;
      case 'crowdUpdated':
        state.snapshots.push(event.snapshot);
        break;
      case 'roundFinished':
        state.rounds.push(event.stats);
        break;
      case 'runCompleted':
        state.summary = event.summary;
        state.counts = event.summary.counts;
        state.rounds = event.summary.rounds;
        state.status = event.cancelled ? 'stopped' : 'completed';
        if (state.snapshots.length === 0) state.snapshots = convergenceFromRecords(state.records);
        break;
    }
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
      if (state.snapshots.length === 0) state.snapshots = convergenceFromRecords(state.records);
    }
    this.changed();
  }

  /**
   * Shows a run analysed in the browser (a dropped file).
   *
   * @param state the complete state.
   */
  load(state: RunState): void {
    this.state = state;
    this.changed();
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
