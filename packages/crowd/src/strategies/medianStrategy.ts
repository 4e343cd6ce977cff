import { median } from '../stats/median.js';
import { RankedMultiset } from '../stats/RankedMultiset.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/**
 * Strategy `median`: the middle estimate.
 *
 * Robust to outliers and to the skew of log-normal estimates; Galton's original "vox populi".
 * Incremental form: a `RankedMultiset` (shared through the prefix context when offered).
 */
export const medianStrategy: AggregationStrategy = {
  name: 'median',
  label: 'Median',
  description: 'Middle estimate (mean of the two middle ones for an even crowd); ignores outliers.',
  source: 'Galton 1907, "Vox populi", Nature 75:450.',
  aggregate: (sample) => ({ estimate: median(sample.values) }),
  prefix: (sample, _options, context) => {
    const shared = context?.ranked();
    const set = shared ?? new RankedMultiset(sample.values, { sums: false });
    return {
      reset: () => {
        if (!shared) set.clear();
      },
      extend: (order, from, to) => {
        if (!shared) set.addAll(order, from, to);
      },
      estimate: () => set.median(),
    };
  },
};
