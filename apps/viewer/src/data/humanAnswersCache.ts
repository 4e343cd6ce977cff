import type { HumanAnswers } from '@emocrowd/crowd/analysis';
import { api } from './api.js';

/** What is known of one run's human answers. */
export type HumanAnswersState =
  | { status: 'loading' }
  | { status: 'loaded'; items: HumanAnswers[] }
  | { status: 'failed'; error: string };

/**
 * Fetches each finished run's human answers once (`GET /api/runs/:id/human`) and remembers
 * them, telling `onChange` when a fetch ends so the view on screen can redraw.
 */
export class HumanAnswersCache {
  private readonly runs = new Map<string, HumanAnswersState>();

  constructor(private readonly onChange: () => void) {}

  /**
   * The human answers of a run, fetched on first ask.
   *
   * @param runId the run.
   * @returns what is known so far.
   */
  get(runId: string): HumanAnswersState {
    const known = this.runs.get(runId);
    if (known) return known;
    const loading: HumanAnswersState = { status: 'loading' };
    this.runs.set(runId, loading);
    api.human(runId).then(
      (items) => this.settle(runId, { status: 'loaded', items }),
      (error: unknown) => this.settle(runId, { status: 'failed', error: (error as Error).message }),
    );
    return loading;
  }

  private settle(runId: string, state: HumanAnswersState): void {
    this.runs.set(runId, state);
    this.onChange();
  }
}
