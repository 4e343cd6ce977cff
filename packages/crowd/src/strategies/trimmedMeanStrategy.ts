import { RankedMultiset } from '../stats/RankedMultiset.js';
import { trimCount } from '../stats/trimCount.js';
import { trimmedMean } from '../stats/trimmedMean.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/**
 * Strategy `trimmedMean`: drop floor(alpha n) estimates at each end, average the rest.
 *
 * Option `alpha` (share per end, default 0.1). `dropped` reports the 2 floor(alpha n) judges left
 * out. Incremental form: sums of the smallest j values from a `RankedMultiset`.
 */
export const trimmedMeanStrategy: AggregationStrategy = {
  name: 'trimmedMean',
  label: 'Trimmed mean',
  description: 'Mean after dropping the floor(alpha n) lowest and highest estimates (alpha default 0.1).',
  source: 'Tukey 1962, Ann. Math. Stat. 33:1; Jose & Winkler 2008, Int. J. Forecast. 24:163.',
  aggregate: (sample, options) => {
    const alpha = options?.alpha ?? 0.1;
    const dropped = 2 * trimCount(sample.values.length, alpha);
    return { estimate: trimmedMean(sample.values, alpha), dropped };
  },
  prefix: (sample, options, context) => {
    const alpha = options?.alpha ?? 0.1;
    trimCount(0, alpha);
    const shared = context?.ranked();
    const set = shared ?? new RankedMultiset(sample.values);
    return {
      reset: () => {
        if (!shared) set.clear();
      },
      extend: (order, from, to) => {
        if (!shared) set.addAll(order, from, to);
      },
      estimate: () => {
        const k = set.size;
        if (k === 0) return Number.NaN;
        const g = trimCount(k, alpha);
        return (set.sumSmallest(k - g) - set.sumSmallest(g)) / (k - 2 * g);
      },
    };
  },
};
