import { type EstimateError, estimateError } from '../metrics/estimateError.js';
import type { CrowdSample } from '../stats/CrowdSample.js';
import type { ComputedAggregate, NotComputedAggregate } from '../strategies/AggregateResult.js';
import type { AggregationStrategy, StrategyOptions } from '../strategies/AggregationStrategy.js';

/** One strategy's answer for a crowd, with its error against the truth. */
export type ScoredEstimate = ComputedAggregate & EstimateError;

/**
 * One strategy's result for a crowd: its answer with its error against the truth, or, for a
 * strategy that cannot be computed for this crowd, `{ estimate: null, reason }` (narrow with
 * `isComputed`, or split a record with `partitionAggregates`).
 */
export type ScoredAggregate = ScoredEstimate | NotComputedAggregate;

/**
 * Runs each strategy on the crowd and scores its answer against the truth.
 *
 * @param sample the crowd.
 * @param truth the true value.
 * @param list the strategies to run.
 * @param strategyOptions options per strategy name.
 * @returns a record keyed by strategy name, in the order of `list`; a strategy that is not
 *   computed keeps its place with `{ estimate: null, reason }`.
 */
export function scoreStrategies(
  sample: CrowdSample,
  truth: number,
  list: readonly AggregationStrategy[],
  strategyOptions: Readonly<Record<string, StrategyOptions>> = {},
): Record<string, ScoredAggregate> {
  const out: Record<string, ScoredAggregate> = {};
  for (const strategy of list) {
    const result = strategy.aggregate(sample, strategyOptions[strategy.name]);
    if (result.estimate === null) {
      out[strategy.name] = { estimate: null, reason: result.reason };
      continue;
    }
    out[strategy.name] = {
      estimate: result.estimate,
      ...estimateError(result.estimate, truth),
      ...(result.dropped !== undefined ? { dropped: result.dropped } : {}),
      ...(result.note !== undefined ? { note: result.note } : {}),
    };
  }
  return out;
}
