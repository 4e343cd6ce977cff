/** A strategy's answer for one crowd. */
export interface ComputedAggregate {
  /** The crowd's answer; `NaN` when undefined for this crowd (e.g. no estimate > 0 for the geometric mean). */
  readonly estimate: number;
  /** Judges left out (e.g. values <= 0 for the geometric mean, missing confidences). */
  readonly dropped?: number;
  /** A human-readable remark, e.g. how many judges had a cue. */
  readonly note?: string;
}

/**
 * A strategy that cannot be computed for this crowd because the crowd lacks what the strategy is
 * defined by (e.g. `selectCrowd` without an ability cue). It is reported as not computed, never as
 * a plain mean or median under the strategy's name, which would be a duplicate row presented as
 * a method of its own.
 */
export interface NotComputedAggregate {
  readonly estimate: null;
  /** Why, in one line, e.g. `no ability cue measured on other items`. */
  readonly reason: string;
}

/** What a strategy returns for one crowd: an answer, or why there is none. */
export type AggregateResult = ComputedAggregate | NotComputedAggregate;

/**
 * The result of a strategy that cannot be computed for a crowd.
 *
 * @param reason why, in one line.
 * @returns `{ estimate: null, reason }`.
 */
export function notComputed(reason: string): NotComputedAggregate {
  return { estimate: null, reason };
}

/**
 * Whether a strategy's result (or a scored one) has an estimate.
 *
 * @param result the result.
 * @returns true when `estimate` is a number (possibly `NaN`).
 */
export function isComputed<T extends { readonly estimate: number | null }>(
  result: T,
): result is Exclude<T, { readonly estimate: null }> {
  return result.estimate !== null;
}
