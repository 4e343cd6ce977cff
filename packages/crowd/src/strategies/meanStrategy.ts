import { mean } from '../stats/mean.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/**
 * Strategy `mean`: the arithmetic mean of all estimates.
 *
 * The baseline of the wisdom of crowds: individual errors cancel when they are independent and
 * unbiased; by the diversity prediction theorem its squared error is never worse than the
 * average judge's. Incremental form: a running sum.
 */
export const meanStrategy: AggregationStrategy = {
  name: 'mean',
  label: 'Mean',
  description: 'Arithmetic mean of all estimates.',
  source: 'Galton 1907, Nature 75:450; Surowiecki 2004, "The Wisdom of Crowds"; Page 2007, "The Difference".',
  aggregate: (sample) => ({ estimate: mean(sample.values) }),
  prefix: (sample) => {
    const values = sample.values;
    let sum = 0;
    let count = 0;
    return {
      reset: () => {
        sum = 0;
        count = 0;
      },
      extend: (order, from, to) => {
        let s = sum; // a local accumulator: closure variables would box every update
        for (let t = from; t < to; t++) s += values[order[t] as number] as number;
        sum = s;
        count += to - from;
      },
      estimate: () => (count === 0 ? Number.NaN : sum / count),
    };
  },
};
