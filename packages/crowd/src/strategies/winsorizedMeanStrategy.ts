import { RankedMultiset } from '../stats/RankedMultiset.js';
import { trimCount } from '../stats/trimCount.js';
import { winsorizedMean } from '../stats/winsorizedMean.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/**
 * Strategy `winsorizedMean`: clamp floor(alpha n) estimates at each end to the nearest kept
 * value, then average all of them.
 *
 * Option `alpha` (share per end, default 0.1). Incremental form: a `RankedMultiset` (shared through the prefix context when offered).
 */
export const winsorizedMeanStrategy: AggregationStrategy = {
  name: 'winsorizedMean',
  label: 'Winsorized mean',
  description:
    'Mean after clamping the floor(alpha n) lowest and highest estimates to the nearest kept ones.',
  source: 'Dixon 1960, Ann. Math. Stat. 31:385; Wilcox 2012, "Introduction to Robust Estimation", ch. 3.',
  aggregate: (sample, options) => ({ estimate: winsorizedMean(sample.values, options?.alpha ?? 0.1) }),
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
        let sum = set.sumSmallest(k - g) - set.sumSmallest(g);
        if (g > 0) sum += g * (set.kth(g) + set.kth(k - 1 - g));
        return sum / k;
      },
    };
  },
};
