import { geometricMean } from '../stats/geometricMean.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/**
 * Strategy `geometricMean`: exp of the mean log estimate, over the positive estimates.
 *
 * Numerosity and distance estimates are roughly log-normal, so the mean of their logs is the
 * natural centre; values <= 0 cannot be logged and are reported in `dropped`. Incremental form:
 * a running sum of logs.
 */
export const geometricMeanStrategy: AggregationStrategy = {
  name: 'geometricMean',
  label: 'Geometric mean',
  description: 'Mean in log space (exp of the mean ln x); values <= 0 are dropped and counted.',
  source:
    'Lorenz, Rauhut, Schweitzer & Helbing 2011, PNAS 108:9020; Kao et al. 2018, J. R. Soc. Interface 15:20180130.',
  aggregate: (sample) => {
    let dropped = 0;
    for (const v of sample.values) if (!(v > 0)) dropped++;
    const estimate = geometricMean(sample.values);
    return dropped > 0
      ? { estimate, dropped, note: `${dropped} value(s) <= 0 left out of the log-space mean` }
      : { estimate };
  },
  prefix: (sample) => {
    const logs = new Float64Array(sample.values.length);
    sample.values.forEach((v, i) => {
      logs[i] = v > 0 ? Math.log(v) : Number.NaN;
    });
    let sum = 0;
    let count = 0;
    return {
      reset: () => {
        sum = 0;
        count = 0;
      },
      extend: (order, from, to) => {
        let s = sum;
        let c = count;
        for (let t = from; t < to; t++) {
          const l = logs[order[t] as number] as number;
          if (!Number.isNaN(l)) {
            s += l;
            c++;
          }
        }
        sum = s;
        count = c;
      },
      estimate: () => (count === 0 ? Number.NaN : Math.exp(sum / count)),
    };
  },
};
