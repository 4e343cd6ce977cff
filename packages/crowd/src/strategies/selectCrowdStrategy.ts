import { mean } from '../stats/mean.js';
import { notComputed } from './AggregateResult.js';
import type { AggregationStrategy } from './AggregationStrategy.js';

/** Why `selectCrowd` has no estimate for a crowd without cues. */
const NO_CUE = 'no ability cue measured on other items';

/**
 * Strategy `selectCrowd`: the mean of the k judges with the best ability cue (lowest `cue`),
 * k = 5 by default.
 *
 * Mannes, Soll & Larrick (2014) showed that averaging a small "select crowd" chosen by a cue to
 * ability measured on other items is robust: it keeps most of the averaging benefit while leaving
 * out the worst judges. Here the cue is lower-is-better (e.g. the absolute log error on a
 * calibration question). Judges without a cue are not eligible; ties keep the judge that comes
 * first. With fewer than k eligible judges all of them are averaged (with a note). With no judge
 * that has a cue it is not computed (`estimate: null` and the reason): without a cue it would be
 * the plain mean under another name. Option `k`. Incremental form: a running top-k list, `NaN`
 * while no judge added has a cue.
 */
export const selectCrowdStrategy: AggregationStrategy = {
  name: 'selectCrowd',
  label: 'Select crowd (top 5 by cue)',
  description: 'Mean of the k (default 5) judges with the lowest ability cue measured on other items.',
  source: 'Mannes, Soll & Larrick 2014, J. Pers. Soc. Psychol. 107:276 ("The wisdom of select crowds").',
  needs: ['cue'],
  aggregate: (sample, options) => {
    const k = selectSize(options?.k);
    const cue = sample.cue;
    if (!cue) return notComputed(NO_CUE);
    const eligible: number[] = [];
    sample.values.forEach((_, i) => {
      if (cue[i] !== undefined) eligible.push(i);
    });
    if (eligible.length === 0) return notComputed(NO_CUE);
    eligible.sort((a, b) => (cue[a] as number) - (cue[b] as number) || a - b);
    const chosen = eligible.slice(0, k);
    return {
      estimate: mean(chosen.map((i) => sample.values[i] as number)),
      dropped: sample.values.length - chosen.length,
      ...(chosen.length < k ? { note: `only ${chosen.length} judge(s) with a cue` } : {}),
    };
  },
  prefix: (sample, options) => {
    const k = selectSize(options?.k);
    const values = sample.values;
    const cue = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) cue[i] = sample.cue?.[i] ?? Number.NaN;
    const topCue = new Float64Array(k);
    const topValue = new Float64Array(k);
    let size = 0;
    return {
      reset: () => {
        size = 0;
      },
      extend: (order, from, to) => {
        for (let t = from; t < to; t++) {
          const i = order[t] as number;
          const x = values[i] as number;
          const c = cue[i] as number;
          if (Number.isNaN(c) || (size === k && c >= (topCue[k - 1] as number))) continue;
          let p = size < k ? size++ : k - 1;
          while (p > 0 && (topCue[p - 1] as number) > c) {
            topCue[p] = topCue[p - 1] as number;
            topValue[p] = topValue[p - 1] as number;
            p--;
          }
          topCue[p] = c;
          topValue[p] = x;
        }
      },
      estimate: () => {
        if (size === 0) return Number.NaN;
        let s = 0;
        for (let j = 0; j < size; j++) s += topValue[j] as number;
        return s / size;
      },
    };
  },
};

function selectSize(k: number | undefined): number {
  const size = k ?? 5;
  if (!(Number.isInteger(size) && size >= 1))
    throw new RangeError(`selectCrowd k must be a positive integer (got ${k})`);
  return size;
}
