import { mean } from '../stats/mean.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/**
 * Strategy `confidenceWeightedMean`: sum c_i x_i / sum c_i over the judges that gave a confidence.
 *
 * The intuition: let confident judges count more. Empirically it gives little or nothing over the
 * plain mean with human crowds (Madirolas & de Polavieja 2015), which is itself a result worth
 * checking for LLM personas. Confidences are weights on any non-negative scale: Σcx/Σc is the same
 * for c and k·c (k > 0), so a 0-1 probability, Lorenz et al.'s 1-6 rating and a 0-100 slider need
 * no rescaling (negative confidences are refused by `checkSample`). Judges without a confidence
 * are dropped (counted in `dropped`); with no confidences at all, or all zero, it falls back to the
 * plain mean and says so in `note`.
 */
export const confidenceWeightedMeanStrategy: AggregationStrategy = {
  name: 'confidenceWeightedMean',
  label: 'Confidence-weighted mean',
  description:
    'Mean weighted by self-reported confidence on any non-negative scale; plain mean when no confidences are given.',
  source: 'Madirolas & de Polavieja 2015, PLoS Comput. Biol. 11:e1004594; Koriat 2012, Psychol. Rev. 119:80.',
  needs: ['confidence'],
  aggregate: (sample) => {
    const conf = sample.confidence;
    if (!conf) return { estimate: mean(sample.values), note: 'no confidences: plain mean' };
    let sw = 0;
    let swx = 0;
    let dropped = 0;
    sample.values.forEach((x, i) => {
      const c = conf[i];
      if (c === undefined) dropped++;
      else if (!(c >= 0 && Number.isFinite(c)))
        throw new RangeError(
          `confidence[${i}] is ${c}: confidences are weights, finite and >= 0 on any scale`,
        );
      else {
        sw += c;
        swx += c * x;
      }
    });
    if (!(sw > 0)) return { estimate: mean(sample.values), note: 'no positive confidences: plain mean' };
    return dropped > 0
      ? { estimate: swx / sw, dropped, note: `${dropped} judge(s) without confidence` }
      : { estimate: swx / sw };
  },
  prefix: (sample) => {
    const values = sample.values;
    const conf = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) conf[i] = sample.confidence?.[i] ?? 0;
    let sw = 0;
    let swx = 0;
    let sx = 0;
    let count = 0;
    return {
      reset: () => {
        sw = 0;
        swx = 0;
        sx = 0;
        count = 0;
      },
      extend: (order, from, to) => {
        let w = sw;
        let wx = swx;
        let s = sx;
        for (let t = from; t < to; t++) {
          const i = order[t] as number;
          const x = values[i] as number;
          const c = conf[i] as number;
          w += c;
          wx += c * x;
          s += x;
        }
        sw = w;
        swx = wx;
        sx = s;
        count += to - from;
      },
      estimate: () => (sw > 0 ? swx / sw : count > 0 ? sx / count : Number.NaN),
    };
  },
};
