import type { Rng } from '@emocrowd/models';
import type { CrowdSample } from './CrowdSample.js';
import { quantileSorted } from './quantile.js';
import { subsetSample } from './subsetSample.js';

/** Options of `differenceTest`. */
export interface DifferenceTestOptions {
  /** Whether `a[i]` and `b[i]` are one unit measured twice (same length), or independent samples. */
  paired: boolean;
  /** The seeded stream every resample and permutation is drawn from. */
  rng: Rng;
  /** Bootstrap resamples for the interval (default 2000). */
  bootstrap?: number;
  /** Random permutations for the p-value (default 2000; 0 = no p-value). */
  permutations?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

/** A difference of one statistic between two samples, with its interval and test. */
export interface DifferenceTest {
  /** statistic(a) - statistic(b) on the data; NaN when either is undefined. */
  readonly estimate: number;
  readonly a: number;
  readonly b: number;
  /** Percentile bootstrap interval of the difference; NaN ends when no resample is defined. */
  readonly ci: readonly [number, number];
  /** Two-sided permutation p-value, (1 + #{|d*| >= |d|}) / (1 + R); null without permutations. */
  readonly p: number | null;
  /** Monte Carlo standard error of `p`, sqrt(p (1 - p) / R). */
  readonly pStandardError: number | null;
  /** Resamples and permutations drawn, and how many gave an undefined difference (left out). */
  readonly resamples: number;
  readonly permutations: number;
  readonly undefinedResamples: number;
  readonly undefinedPermutations: number;
}

/** Relative slack when comparing |d*| with |d|: sums in another order may differ in the last bits. */
const TIE_TOLERANCE = 1e-9;

/**
 * The difference statistic(a) - statistic(b) between two crowds, with a percentile bootstrap
 * interval and a two-sided permutation p-value, paired or not.
 *
 * Intuition: the interval says how precisely the crowds measure the difference (resampling the
 * units, Efron & Tibshirani 1993, ch. 13); the permutation test asks how often a difference as
 * large arises when the labels a and b are exchangeable (Good 2005, "Permutation, Parametric and
 * Bootstrap Tests of Hypotheses"), which holds exactly under the null hypothesis that a and b
 * come from one distribution, whatever the statistic.
 *
 * Behaviour:
 * 1. Paired (`a.values.length === b.values.length`, unit i in both): a bootstrap resample draws n
 *    unit indices with replacement and takes both members of each; a permutation swaps the two
 *    members of each unit with probability 1/2 (the randomisation test of a paired design).
 * 2. Unpaired: each sample is resampled on its own; a permutation deals the pooled units at
 *    random into samples of the original sizes.
 * 3. Side arrays (confidence, groups, cue) travel with their values (`subsetSample`).
 * 4. Resamples whose difference is NaN are left out and counted; p = (1 + #extreme) / (1 + R)
 *    over the R defined permutations (Phipson & Smyth 2010, never 0), where extreme means
 *    |d*| >= |d| (1 - 1e-9). Its Monte Carlo standard error is sqrt(p (1 - p) / R).
 * Every draw comes from `options.rng`, so the result is reproducible.
 *
 * @param a the first crowd
 * @param b the second crowd (aligned with `a` when paired)
 * @param statistic a number of one crowd (NaN when undefined)
 * @param options paired, rng, bootstrap, permutations, level
 * @returns the difference, its interval and its p-value
 */
export function differenceTest(
  a: CrowdSample,
  b: CrowdSample,
  statistic: (sample: CrowdSample) => number,
  options: DifferenceTestOptions,
): DifferenceTest {
  const na = a.values.length;
  const nb = b.values.length;
  if (options.paired && na !== nb) throw new RangeError(`paired samples differ in size (${na}, ${nb})`);
  const B = options.bootstrap ?? 2000;
  const R = options.permutations ?? 2000;
  const level = options.level ?? 0.95;
  const rng = options.rng;
  const va = na > 0 ? statistic(a) : Number.NaN;
  const vb = nb > 0 ? statistic(b) : Number.NaN;
  const observed = va - vb;

  const boot: number[] = [];
  let undefinedResamples = 0;
  if (na > 0 && nb > 0) {
    const ia = new Int32Array(na);
    const ib = new Int32Array(nb);
    for (let r = 0; r < B; r++) {
      for (let i = 0; i < na; i++) ia[i] = rng.int(na);
      if (options.paired) ib.set(ia);
      else for (let i = 0; i < nb; i++) ib[i] = rng.int(nb);
      const d = statistic(subsetSample(a, ia)) - statistic(subsetSample(b, ib));
      if (Number.isNaN(d)) undefinedResamples++;
      else boot.push(d);
    }
  }
  const sorted = Float64Array.from(boot).sort();
  const ci: [number, number] = [
    quantileSorted(sorted, (1 - level) / 2),
    quantileSorted(sorted, (1 + level) / 2),
  ];

  let p: number | null = null;
  let undefinedPermutations = 0;
  if (R > 0 && na > 0 && nb > 0 && !Number.isNaN(observed)) {
    const pooled = concatSamples(a, b);
    const ia = new Int32Array(na);
    const ib = new Int32Array(nb);
    const order = Int32Array.from({ length: na + nb }, (_, i) => i);
    const bar = Math.abs(observed) * (1 - TIE_TOLERANCE);
    let extreme = 0;
    let defined = 0;
    for (let r = 0; r < R; r++) {
      if (options.paired) {
        for (let i = 0; i < na; i++) {
          const swap = rng.next() < 0.5;
          ia[i] = swap ? na + i : i;
          ib[i] = swap ? i : na + i;
        }
      } else {
        for (let i = order.length - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          const t = order[i] as number;
          order[i] = order[j] as number;
          order[j] = t;
        }
        ia.set(order.subarray(0, na));
        ib.set(order.subarray(na));
      }
      const d = statistic(subsetSample(pooled, ia)) - statistic(subsetSample(pooled, ib));
      if (Number.isNaN(d)) {
        undefinedPermutations++;
        continue;
      }
      defined++;
      if (Math.abs(d) >= bar) extreme++;
    }
    p = (1 + extreme) / (1 + defined);
  }
  const defined = R - undefinedPermutations;
  return {
    estimate: observed,
    a: va,
    b: vb,
    ci,
    p,
    pStandardError: p === null || defined === 0 ? null : Math.sqrt((p * (1 - p)) / defined),
    resamples: B,
    permutations: p === null ? 0 : R,
    undefinedResamples,
    undefinedPermutations,
  };
}

/** The units of a then those of b, side arrays included when both have them. */
function concatSamples(a: CrowdSample, b: CrowdSample): CrowdSample {
  const groups: Record<string, string[]> = {};
  for (const [dimension, labels] of Object.entries(a.groups ?? {})) {
    const other = b.groups?.[dimension];
    if (other) groups[dimension] = [...labels, ...other];
  }
  return {
    values: [...a.values, ...b.values],
    ...(a.confidence && b.confidence ? { confidence: [...a.confidence, ...b.confidence] } : {}),
    ...(a.cue && b.cue ? { cue: [...a.cue, ...b.cue] } : {}),
    ...(Object.keys(groups).length > 0 ? { groups } : {}),
  };
}
