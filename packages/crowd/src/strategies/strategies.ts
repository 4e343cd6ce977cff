import type { AggregationStrategy } from './AggregationStrategy.js';
import { bestEmotionSubsetStrategy } from './bestEmotionSubsetStrategy.js';
import { confidenceWeightedMeanStrategy } from './confidenceWeightedMeanStrategy.js';
import { geometricMeanStrategy } from './geometricMeanStrategy.js';
import { kdeModeStrategy } from './kdeModeStrategy.js';
import { meanStrategy } from './meanStrategy.js';
import { medianStrategy } from './medianStrategy.js';
import { precisionWeightedMeanStrategy } from './precisionWeightedMeanStrategy.js';
import { selectCrowdStrategy } from './selectCrowdStrategy.js';
import { trimmedMeanStrategy } from './trimmedMeanStrategy.js';
import { winsorizedMeanStrategy } from './winsorizedMeanStrategy.js';

/**
 * The registry of aggregation strategies, in display order.
 *
 * To add a strategy: write `strategies/<name>Strategy.ts` exporting an `AggregationStrategy`, and
 * add it to this list (one line). Everything that takes strategy names — `getStrategy`,
 * `summarizeEstimates`, `subsetAnalysis`, `breakdown`, the command line — then knows it.
 */
export const strategies: readonly AggregationStrategy[] = [
  meanStrategy,
  medianStrategy,
  geometricMeanStrategy,
  trimmedMeanStrategy,
  winsorizedMeanStrategy,
  kdeModeStrategy,
  confidenceWeightedMeanStrategy,
  precisionWeightedMeanStrategy,
  selectCrowdStrategy,
  bestEmotionSubsetStrategy,
];

/** The names of the registered strategies, in registry order. */
export const strategyNames: readonly string[] = strategies.map((s) => s.name);

/**
 * Looks a strategy up by name.
 *
 * @param name a registered strategy's `name` (e.g. `median`).
 * @returns the strategy.
 * @throws RangeError listing the known names when `name` is not registered.
 */
export function getStrategy(name: string): AggregationStrategy {
  const found = strategies.find((s) => s.name === name);
  if (!found) throw new RangeError(`unknown strategy "${name}"; known: ${strategyNames.join(', ')}`);
  return found;
}

/**
 * Resolves a list of strategy names or strategy objects (custom, unregistered strategies are
 * allowed) to strategy objects; `undefined` means every registered strategy.
 *
 * @param list names or strategies.
 * @returns the strategies, in the order given.
 */
export function resolveStrategies(
  list?: readonly (string | AggregationStrategy)[],
): readonly AggregationStrategy[] {
  if (!list) return strategies;
  return list.map((s) => (typeof s === 'string' ? getStrategy(s) : s));
}
