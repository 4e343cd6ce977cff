import type { CrowdEvent, ResponseRecord, RunDescriptor, RunStatus, RunSummary } from '@emocrowd/crowd';
import type { Observable, Subscription } from 'rxjs';

/** The part of a started run a `LiveRun` needs (the lead's `StartedRun`). */
export interface LiveRunSource {
  runId: string;
  dir: string;
  descriptor: RunDescriptor;
  /** Cold: subscribing starts the run; subscribed exactly once. */
  events$: Observable<CrowdEvent>;
  /** Graceful stop: no new questions, answers in flight arrive, then runCompleted. */
  stop(): void;
}

/** Receives a live run's events; returned function unsubscribes. */
export type LiveRunListener = (event: CrowdEvent) => void;

/**
 * A run the server is executing: subscribes to its events once, remembers every event so a
 * late viewer can replay what happened so far, and fans new events out to the viewers
 * watching.
 *
 * The intuition: `events$` is cold and may be subscribed only once (subscribing starts the
 * run), but any number of browser tabs may open `/events` at any time. So one subscription
 * feeds an append-only log; a watcher first gets the log, then every new event, in order,
 * with nothing missed or repeated (replay and registration happen in the same synchronous turn).
 */
export class LiveRun {
  readonly runId: string;
  readonly dir: string;
  readonly descriptor: RunDescriptor;
  /** When this server started the run (ISO 8601). */
  readonly createdAt = new Date().toISOString();
  /** Every event so far, in order. */
  readonly log: CrowdEvent[] = [];
  /** Resolves when the run has completed (runCompleted, error, or the stream ended). */
  readonly done: Promise<void>;
  private readonly listeners = new Set<LiveRunListener>();
  private readonly source: LiveRunSource;
  private subscription: Subscription | undefined;
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
          this.log.push(event);
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

  /** Whether a stop was asked for. */
  get stopping(): boolean {
    return this.stopRequested;
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

  /**
   * Replays the log to `listener`, then forwards every new event until the run completes or
   * the returned function is called.
   *
   * @param listener receives events in order.
   * @returns unsubscribe.
   */
  watch(listener: LiveRunListener): () => void {
    for (const event of [...this.log]) listener(event);
    if (this.finished) return () => {};
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The answers so far, in arrival order. */
  records(): ResponseRecord[] {
    return this.log.flatMap((e) =>
      e.type === 'estimateSubmitted' || e.type === 'estimateFailed' ? [e.record] : [],
    );
  }

  /** The run's summary, once it has completed. */
  summary(): RunSummary | undefined {
    const last = this.log[this.log.length - 1];
    return last?.type === 'runCompleted' ? last.summary : undefined;
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
}
