import type { CrowdEvent, RunDescriptor, RunStatus, RunSummary } from '@emocrowd/crowd';
import type { Observable, Subscription } from 'rxjs';

/** The part of a started run a `LiveRun` needs (the run store's `StartedRun`). */
export interface LiveRunSource {
  runId: string;
  dir: string;
  descriptor: RunDescriptor;
  /** Cold: subscribing starts the run; subscribed exactly once. Writes responses.jsonl as it goes. */
  events$: Observable<CrowdEvent>;
  /** Graceful stop: no new questions, answers in flight arrive, then runCompleted. */
  stop(): void;
  /** Writes every answer received so far to the run's responses.jsonl now. */
  flush(): void;
}

/** Receives a live run's events; returned function unsubscribes. */
export type LiveRunListener = (event: CrowdEvent) => void;

/** Running snapshots kept for late watchers at most; more are thinned to every other one. */
export const MAX_KEPT_SNAPSHOTS = 512;

/**
 * A run the server is executing: subscribes to its events once and fans them out to the
 * viewers watching, keeping in memory only what its run directory does not hold.
 *
 * The intuition: `events$` is cold and may be subscribed only once (subscribing starts the run),
 * but any number of browser tabs may open `/events` at any time. A run may have millions of
 * answers, and every one of them is already in the run's responses.jsonl, so the answers are not
 * kept: a late watcher reads them from the file (`streamLiveRun`). What is kept is bounded
 * whatever the run's size: the `runStarted` event, one `roundFinished` per round, at most
 * `MAX_KEPT_SNAPSHOTS` running snapshots (thinned evenly as more arrive) and `runCompleted`.
 */
export class LiveRun {
  readonly runId: string;
  readonly dir: string;
  readonly descriptor: RunDescriptor;
  /** When this server started the run (ISO 8601). */
  readonly createdAt = new Date().toISOString();
  /** Resolves when the run has completed (runCompleted, error, or the stream ended). */
  readonly done: Promise<void>;
  private readonly listeners = new Set<LiveRunListener>();
  private readonly source: LiveRunSource;
  private subscription: Subscription | undefined;
  private startedEvent: CrowdEvent | undefined;
  private completedEvent: Extract<CrowdEvent, { type: 'runCompleted' }> | undefined;
  /** Snapshots and finished rounds, in the order they happened. */
  private roundEvents: CrowdEvent[] = [];
  private snapshotCount = 0;
  private answerCount = 0;
  private finished = false;
  private failure: string | undefined;
  private stopRequested = false;
  private settle: () => void = () => {};

  /**
   * Starts the run (subscribes to `source.events$`).
   *
   * @param source the started run.
   */
  constructor(source: LiveRunSource) {
    this.source = source;
    this.runId = source.runId;
    this.dir = source.dir;
    this.descriptor = source.descriptor;
    this.done = new Promise<void>((resolve) => {
      const finish = (): void => {
        this.finished = true;
        this.listeners.clear();
        resolve();
      };
      this.settle = finish;
      this.subscription = source.events$.subscribe({
        next: (event) => {
          this.keep(event);
          for (const listener of [...this.listeners]) listener(event);
        },
        error: (error: unknown) => {
          this.failure = error instanceof Error ? error.message : String(error);
          finish();
        },
        complete: finish,
      });
    });
  }

  /** Whether the run is over. */
  get completed(): boolean {
    return this.finished;
  }

  /** Why the run's stream failed, if it did. */
  get error(): string | undefined {
    return this.failure;
  }

  /** `running`, `stopping`, `completed` or `failed`. */
  get status(): Extract<RunStatus, 'running' | 'stopping' | 'completed' | 'failed'> {
    if (this.failure !== undefined) return 'failed';
    if (this.finished) return 'completed';
    return this.stopRequested ? 'stopping' : 'running';
  }

  /** Answers this server has seen the run give (they are in its responses.jsonl, not here). */
  get answers(): number {
    return this.answerCount;
  }

  /** Events held in memory: bounded by 2 + rounds + `MAX_KEPT_SNAPSHOTS`, whatever the run's size. */
  get retained(): number {
    return (this.startedEvent ? 1 : 0) + this.roundEvents.length + (this.completedEvent ? 1 : 0);
  }

  /** The `runStarted` event, once it has happened. */
  get started(): CrowdEvent | undefined {
    return this.startedEvent;
  }

  /** The `runCompleted` event, once it has happened. */
  get completion(): CrowdEvent | undefined {
    return this.completedEvent;
  }

  /** The snapshots and finished rounds kept, in the order they happened. */
  get rounds(): readonly CrowdEvent[] {
    return this.roundEvents;
  }

  /** The run's summary, once it has completed. */
  summary(): RunSummary | undefined {
    return this.completedEvent?.summary;
  }

  /**
   * Forwards every event from now on until the run completes or the returned function is called.
   * What happened before is the caller's to replay (`streamLiveRun`).
   *
   * @param listener receives events in order.
   * @returns unsubscribe.
   */
  watch(listener: LiveRunListener): () => void {
    if (this.finished) return () => {};
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Writes every answer so far to the run's responses.jsonl, so a reader of the file sees them all. */
  flush(): void {
    this.source.flush();
  }

  /** Asks the run to stop gracefully (idempotent). */
  stop(): void {
    if (this.finished || this.stopRequested) return;
    this.stopRequested = true;
    this.source.stop();
  }

  /** Aborts at once: unsubscribes, so answers in flight are abandoned. */
  abort(): void {
    this.subscription?.unsubscribe();
    if (!this.finished) {
      this.failure = 'aborted';
      this.settle();
    }
  }

  private keep(event: CrowdEvent): void {
    switch (event.type) {
      case 'runStarted':
        this.startedEvent = event;
        break;
      case 'runCompleted':
        this.completedEvent = event;
        break;
      case 'roundFinished':
        this.roundEvents.push(event);
        break;
      case 'crowdUpdated':
        this.roundEvents.push(event);
        if (++this.snapshotCount > MAX_KEPT_SNAPSHOTS) this.thinSnapshots();
        break;
      default:
        this.answerCount++;
    }
  }

  /** Keeps every other snapshot (and the latest): the running curve at half the resolution. */
  private thinSnapshots(): void {
    let seen = 0;
    const last = this.roundEvents.findLast((e) => e.type === 'crowdUpdated');
    this.roundEvents = this.roundEvents.filter(
      (e) => e.type !== 'crowdUpdated' || seen++ % 2 === 0 || e === last,
    );
    this.snapshotCount = this.roundEvents.filter((e) => e.type === 'crowdUpdated').length;
  }
}
