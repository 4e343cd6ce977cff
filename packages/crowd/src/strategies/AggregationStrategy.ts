import type { CrowdSample } from '../stats/CrowdSample.js';
import type { RankedMultiset } from '../stats/RankedMultiset.js';
import type { AggregateResult } from './AggregateResult.js';

/**
 * Options a strategy may read. Each strategy documents the keys it uses and ignores the rest, so
 * one options object can be passed through from a command line; custom strategies add keys.
 */
export interface StrategyOptions {
  /** Share trimmed or winsorized at each end (trimmedMean, winsorizedMean); default 0.1. */
  alpha?: number;
  /** Number of judges selected (selectCrowd); default 5. */
  k?: number;
  /** Group dimension (precisionWeightedMean, bestEmotionSubset). */
  dimension?: string;
  /** Smallest group taken into account (precisionWeightedMean 2, bestEmotionSubset 3). */
  minGroupSize?: number;
  /** KDE grid size (kdeMode); default adapted to the bandwidth (see `kernelDensity`). */
  gridSize?: number;
  [key: string]: unknown;
}

/**
 * An incremental form of a strategy for subset analysis: judges are added in a random order and
 * the estimate of the judges added so far is read at many sizes. Implement it when the estimate
 * can be updated faster than recomputed (running sums, order-statistic structures); strategies
 * without it are recomputed from scratch on fewer permutations.
 */
export interface PrefixAggregator {
  /** Forgets every judge added. */
  reset(): void;
  /** Adds the judges `order[from..to)` (indices into the sample the aggregator was made for). */
  extend(order: Int32Array, from: number, to: number): void;
  /** The estimate of the judges added so far (`NaN` when undefined or not computable for them). */
  estimate(): number;
}

/**
 * Shared state a caller of `prefix` may offer, so several strategies do not each maintain the same
 * structure. `ranked()` returns a `RankedMultiset` of the sample's values that the caller resets
 * and extends itself, in step with the aggregators; a strategy that uses it must then not add to
 * it. Without a context a strategy keeps its own structures.
 */
export interface PrefixContext {
  ranked(): RankedMultiset;
}

/** Side information a strategy uses, named after the `CrowdSample` fields. */
export type StrategyNeed = 'confidence' | 'groups' | 'cue';

/**
 * A way to turn a crowd's estimates into one answer.
 *
 * Every strategy is a plain object in its own file, registered by one line in `strategies.ts`.
 * `aggregate` must be a pure function of the sample and options. A strategy defined by side
 * information the crowd lacks (a select crowd without an ability cue) returns
 * `notComputed(reason)`: `{ estimate: null, reason }`, shown as "not computed" rather than as a
 * duplicate of the mean or median. Where a fallback is a reading of the method itself (equal
 * confidences weight equally), it answers and says so in `note`.
 */
export interface AggregationStrategy {
  /** Stable identifier (camelCase), used on the command line and as a JSON key. */
  readonly name: string;
  /** Short human-readable name for tables and charts. */
  readonly label: string;
  /** One or two sentences: what it computes and why it might beat the mean. */
  readonly description: string;
  /** Where the method comes from (citation). */
  readonly source: string;
  /** Side information used, if any. */
  readonly needs?: readonly StrategyNeed[];
  /** The crowd's answer, or why it has none. */
  aggregate(sample: CrowdSample, options?: StrategyOptions): AggregateResult;
  /** Optional incremental form for subset analysis (see `PrefixAggregator`). */
  prefix?(sample: CrowdSample, options?: StrategyOptions, context?: PrefixContext): PrefixAggregator;
}
