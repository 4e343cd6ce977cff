import type { ScoredAggregate, ScoredEstimate } from './scoreStrategies.js';

/** The aggregates of a summary split into those with an estimate and those not computed. */
export interface PartitionedAggregates {
  /** Strategies with an estimate, in the record's order. */
  readonly computed: readonly (readonly [name: string, aggregate: ScoredEstimate])[];
  /** Strategies that could not be computed for the crowd, with the reason. */
  readonly notComputed: readonly { readonly name: string; readonly reason: string }[];
}

/**
 * Splits a summary's `aggregates` into the strategies that have an estimate and those that were
 * not computed, so tables and charts show rows and curves only for the first and name the second
 * once with their reason.
 *
 * @param aggregates `summary.aggregates` (or a group's).
 * @returns both lists, in the record's order.
 */
export function partitionAggregates(
  aggregates: Readonly<Record<string, ScoredAggregate>>,
): PartitionedAggregates {
  const computed: [string, ScoredEstimate][] = [];
  const notComputed: { name: string; reason: string }[] = [];
  for (const [name, aggregate] of Object.entries(aggregates)) {
    if (aggregate.estimate === null) notComputed.push({ name, reason: aggregate.reason });
    else computed.push([name, aggregate]);
  }
  return { computed, notComputed };
}
