import { mean } from '../stats/mean.js';
import { variance } from '../stats/variance.js';
import type { AggregationStrategy, PrefixAggregator } from './AggregationStrategy.js';
import { groupDimension } from './groupDimension.js';

/**
 * Strategy `precisionWeightedMean`: the inverse-variance weighted average of group means,
 * sum w_g m_g / sum w_g with w_g = n_g / s_g^2 (s_g^2 the group's sample variance).
 *
 * The intuition: a group whose members agree closely (small variance of its mean) is a more
 * precise measurement and gets more weight, as in a fixed-effect meta-analysis. Options:
 * `dimension` (default `emotion`, else the first dimension), `minGroupSize` (default 2; smaller
 * groups have no variance and are dropped). Each s_g^2 is floored at 1% of the overall sample
 * variance, so a group of identical answers weighs a lot but not infinitely. Falls back to the
 * plain mean (with a note) without groups, with no usable group, or when all answers are equal.
 */
export const precisionWeightedMeanStrategy: AggregationStrategy = {
  name: 'precisionWeightedMean',
  label: 'Precision-weighted group mean',
  description:
    'Group means weighted by n_g / s_g² (inverse variance of each group mean) along one group dimension.',
  source:
    'Cochran 1954, Biometrics 10:101; Hartung, Knapp & Sinha 2008, "Statistical Meta-Analysis with Applications", ch. 4.',
  needs: ['groups'],
  aggregate: (sample, options) => {
    const chosen = groupDimension(sample, options?.dimension);
    if (!chosen) return { estimate: mean(sample.values), note: 'no group labels: plain mean' };
    // each group's totals in one pass, in order of first appearance (no list of values per group)
    const byGroup = new Map<string, { count: number; sum: number; sumSq: number }>();
    sample.values.forEach((x, i) => {
      const label = chosen.labels[i] as string;
      const totals = byGroup.get(label);
      if (totals) {
        totals.count++;
        totals.sum += x;
        totals.sumSq += x * x;
      } else byGroup.set(label, { count: 1, sum: 0 + x, sumSq: 0 + x * x });
    });
    const minSize = Math.max(2, options?.minGroupSize ?? 2);
    const result = precisionWeighted([...byGroup.values()], minSize, variance(sample.values, 'sample'));
    if (Number.isNaN(result.estimate))
      return {
        estimate: mean(sample.values),
        note: `no ${chosen.dimension} group with >= ${minSize} members and spread: plain mean`,
      };
    return result.dropped > 0
      ? {
          estimate: result.estimate,
          dropped: result.dropped,
          note: `${result.dropped} judge(s) in groups smaller than ${minSize}`,
        }
      : { estimate: result.estimate };
  },
  prefix: (sample, options): PrefixAggregator => {
    const chosen = groupDimension(sample, options?.dimension);
    const minSize = Math.max(2, options?.minGroupSize ?? 2);
    const values = sample.values;
    const ids = new Map<string, number>();
    const groupOf = Int32Array.from({ length: values.length }, (_, i) => {
      const label = chosen?.labels[i] ?? '';
      let id = ids.get(label);
      if (id === undefined) {
        id = ids.size;
        ids.set(label, id);
      }
      return id;
    });
    const g = ids.size;
    const gCount = new Int32Array(g);
    const gSum = new Float64Array(g);
    const gSumSq = new Float64Array(g);
    const stats = Array.from({ length: g }, () => ({ count: 0, sum: 0, sumSq: 0 }));
    let count = 0;
    let sum = 0;
    let sumSq = 0;
    return {
      reset: () => {
        gCount.fill(0);
        gSum.fill(0);
        gSumSq.fill(0);
        count = 0;
        sum = 0;
        sumSq = 0;
      },
      extend: (order, from, to) => {
        let s = sum; // local accumulators: closure variables would box every update
        let s2 = sumSq;
        for (let t = from; t < to; t++) {
          const i = order[t] as number;
          const x = values[i] as number;
          const id = groupOf[i] as number;
          gCount[id] = (gCount[id] as number) + 1;
          gSum[id] = (gSum[id] as number) + x;
          gSumSq[id] = (gSumSq[id] as number) + x * x;
          s += x;
          s2 += x * x;
        }
        sum = s;
        sumSq = s2;
        count += to - from;
      },
      estimate: () => {
        if (count === 0) return Number.NaN;
        if (!chosen) return sum / count;
        stats.forEach((st, id) => {
          st.count = gCount[id] as number;
          st.sum = gSum[id] as number;
          st.sumSq = gSumSq[id] as number;
        });
        const overall = count > 1 ? Math.max(0, (sumSq - (sum * sum) / count) / (count - 1)) : Number.NaN;
        const { estimate } = precisionWeighted(stats, minSize, overall);
        return Number.isNaN(estimate) ? sum / count : estimate;
      },
    };
  },
};

function precisionWeighted(
  stats: readonly { count: number; sum: number; sumSq: number }[],
  minSize: number,
  overallVariance: number,
): { estimate: number; dropped: number } {
  if (!(overallVariance > 0)) return { estimate: Number.NaN, dropped: 0 };
  const floor = 0.01 * overallVariance;
  let sw = 0;
  let swm = 0;
  let dropped = 0;
  for (const s of stats) {
    if (s.count === 0) continue;
    if (s.count < minSize) {
      dropped += s.count;
      continue;
    }
    const m = s.sum / s.count;
    const v = Math.max(floor, (s.sumSq - s.count * m * m) / (s.count - 1));
    const w = s.count / v;
    sw += w;
    swm += w * m;
  }
  return { estimate: sw > 0 ? swm / sw : Number.NaN, dropped };
}
