/**
 * When a crowd stops asking (`--stop-at-precision`): the personas are asked in a seeded random
 * order, and after every `checkEvery` of them the run stops once the `level` confidence
 * sequence of the `strategy`'s answer is narrower than `precision` times that answer
 * (docs/metrics.md, "Stopping at a precision"). Part of the run's descriptor: it decides which
 * personas are asked.
 */
export interface StopRule {
  /** The aggregate whose interval decides: the median (the one with a distribution-free sequence). */
  strategy: 'median';
  /** Stop once (upper - lower) < precision x |estimate|, e.g. 0.02. */
  precision: number;
  /** Coverage of the confidence sequence over every look together, 0.95. */
  level: number;
  /** Answers (persona x replicate units of the random order) between two looks. */
  checkEvery: number;
}

/** The strategies a crowd can stop on (each has a confidence sequence valid at any stopping time). */
export const STOP_STRATEGIES = ['median'] as const;

/**
 * The default look interval for a crowd of `units` slots: every 50 answers, or every 1/200th of
 * the crowd when that is more (at most 200 looks, each O(n) work).
 *
 * @param units persona x replicate slots of one item
 * @returns answers between two looks
 */
export function defaultCheckEvery(units: number): number {
  return Math.max(50, Math.ceil(units / 200));
}
