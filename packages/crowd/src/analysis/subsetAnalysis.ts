import { createRng } from '@emocrowd/models';
import type { CrowdSample } from '../stats/CrowdSample.js';
import { GrowingSubset } from '../stats/GrowingSubset.js';
import { quantileSorted } from '../stats/quantile.js';
import { RankedMultiset } from '../stats/RankedMultiset.js';
import { wilsonInterval } from '../stats/wilsonInterval.js';
import type {
  AggregationStrategy,
  PrefixAggregator,
  PrefixContext,
  StrategyOptions,
} from '../strategies/AggregationStrategy.js';
import { resolveStrategies } from '../strategies/strategies.js';
import { logSpacedSizes } from './logSpacedSizes.js';
import { argmaxAccuracy, optimalKInterval } from './optimalK.js';
import type { ScoredAggregate } from './scoreStrategies.js';

/** Options of `subsetAnalysis`. */
export interface SubsetAnalysisOptions {
  /** Strategy names or objects; default every registered strategy. */
  strategies?: readonly (string | AggregationStrategy)[];
  /** Options per strategy name, e.g. `{ trimmedMean: { alpha: 0.2 } }`. */
  strategyOptions?: Readonly<Record<string, StrategyOptions>>;
  /** Subset sizes; default `logSpacedSizes(n, 25)` up to `maxK`, and n. */
  ks?: readonly number[];
  /**
   * Largest size of the default grid below the whole crowd; default `SUBSET_MAX_K` (20,000).
   * Grid sizes above it are left out (`cappedKs`), so the cost stops growing with n; sizes given
   * in `ks` or `extraKs` are never capped.
   */
  maxK?: number;
  /** Sizes added to the grid (e.g. 538, the paper's optimum); those above n are left out (`skippedKs`). */
  extraKs?: readonly number[];
  /** Number of random permutations; default 1000. */
  B?: number;
  /** Permutations for strategies without an incremental form (e.g. kdeMode); default min(B, 100). */
  fallbackB?: number;
  /** An aggregate is accurate when |estimate - T| <= tolerance |T|; default 0.1. */
  tolerance?: number;
  /** `smallestGoodK` is the smallest k with accuracy >= best - epsilon; default 0.01. */
  epsilon?: number;
  /** Seed of the permutations; default 0. */
  seed?: number | string;
  /**
   * The strategies' results for the whole crowd when the caller has them already
   * (`scoreStrategies` of the same sample and options), so they are not computed twice.
   */
  whole?: Readonly<Record<string, ScoredAggregate>>;
}

/** One strategy at one subset size, over the permutations evaluated. */
export interface SubsetPoint {
  readonly k: number;
  /** Share of subsets whose aggregate is within `tolerance` (relative) of the truth. */
  readonly accuracy: number;
  /**
   * 95% Wilson score interval of the accuracy over the permutations evaluated (its Monte Carlo
   * uncertainty); [accuracy, accuracy] at k = n, the same whole crowd in every permutation.
   */
  readonly accuracyInterval: readonly [number, number];
  /** Mean of |aggregate - T| / |T|. */
  readonly meanAbsRelError: number;
  readonly medianAbsRelError: number;
  readonly p10AbsRelError: number;
  readonly p90AbsRelError: number;
  /** Mean of (aggregate - T)^2, in squared task units. */
  readonly meanSquaredError: number;
  /** Mean aggregate over the subsets. */
  readonly meanEstimate: number;
  /** Share of subsets where the strategy gave no estimate (NaN); they count as inaccurate. */
  readonly undefinedShare: number;
}

/** The subset curve of one strategy. */
export interface SubsetStrategyResult {
  readonly name: string;
  readonly label: string;
  /** Permutations evaluated (B, or fallbackB for strategies without an incremental form). */
  readonly permutations: number;
  /** Whether the strategy's incremental form was used. */
  readonly incremental: boolean;
  /** One point per subset size, aligned with `SubsetAnalysis.ks`. */
  readonly points: readonly SubsetPoint[];
  /** The k with the highest accuracy (the smallest such k on ties); null when no k is ever accurate. */
  readonly optimalK: number | null;
  /**
   * Where `optimalK` could be with other permutations: the smallest and largest size that no
   * other size is significantly more accurate than, on the same permutations (`optimalKInterval`);
   * null without an optimum.
   */
  readonly optimalKInterval: readonly [number, number] | null;
  readonly optimalAccuracy: number;
  /** The smallest k whose accuracy is within epsilon of the best; null when no k is accurate. */
  readonly smallestGoodK: number | null;
  /** What to beware of when reading `optimalK` (see `SubsetFlag`); empty when nothing. */
  readonly flags: readonly SubsetFlag[];
}

/**
 * Warnings on an optimal subset size:
 * - `no-accurate-subset`: no subset of any size is within the tolerance (`optimalK` is null);
 * - `bias-artefact`: the whole crowd's aggregate is outside the tolerance, so the sizes that are
 *   sometimes accurate are small ones whose sampling noise carries them across the truth: the
 *   optimum measures noise, not wisdom;
 * - `saturated`: accuracy 1 is reached, so the optimum is the first size where all B subsets hit,
 *   which grows with B.
 */
export type SubsetFlag = 'no-accurate-subset' | 'bias-artefact' | 'saturated';

/** A strategy without a curve: it cannot be computed for this crowd (see `NotComputedAggregate`). */
export interface SubsetNotComputed {
  readonly name: string;
  readonly label: string;
  readonly reason: string;
}

/**
 * The default grid's largest size below the whole crowd: every shipped human crowd (the largest,
 * Planet Money's cow, has 17,184 guesses) keeps its whole log-spaced grid, and a crowd of a
 * million costs no more than one of 20,000 (every permutation is drawn up to this size only).
 */
export const SUBSET_MAX_K = 20_000;

/** The result of `subsetAnalysis`. */
export interface SubsetAnalysis {
  readonly n: number;
  readonly truth: number;
  readonly ks: readonly number[];
  /** Sizes of `extraKs` left out because the crowd is smaller. */
  readonly skippedKs: readonly number[];
  /** The default grid's largest size below n (`maxK`). */
  readonly maxK: number;
  /** Sizes of the default grid above `maxK` and below n, left out (empty when n <= maxK + 1). */
  readonly cappedKs: readonly number[];
  readonly B: number;
  readonly fallbackB: number;
  readonly tolerance: number;
  readonly epsilon: number;
  readonly seed: number | string;
  /** One curve per strategy computed for the whole crowd, in the order asked. */
  readonly strategies: readonly SubsetStrategyResult[];
  /** Strategies asked for that cannot be computed for this crowd: no curve, the reason. */
  readonly notComputed: readonly SubsetNotComputed[];
}

/**
 * How accurate each aggregation strategy is for random sub-crowds of each size k.
 *
 * The intuition: is a crowd of 538 as good as 15,000? Draw random sub-crowds of size k, aggregate
 * each, and see how often the answer lands within `tolerance` of the truth ("accuracy", the
 * configurable reading of Kadiyala et al. 2025's unpublished metric) and how large the errors are.
 *
 * Behaviour:
 * 1. B random permutations are drawn once from `createRng(seed)` (partial Fisher-Yates up to the
 *    largest k below n); every length-k prefix of a uniform permutation is a uniform k-subset, so
 *    one permutation serves every k and every strategy.
 * 2. Strategies with an incremental form (`prefix`) add the judges of each permutation in order
 *    and read the estimate at every k: running sums (mean, geometric mean, weighted means), one
 *    rank structure shared through the `PrefixContext` (median, trimmed, winsorized), per-group
 *    rank structures (bestEmotionSubset). Others are recomputed from scratch at every k on the
 *    first `fallbackB` permutations only (reported as `permutations`).
 * 3. k = n is the whole crowd for every permutation and is aggregated once. A strategy that is
 *    not computed for the whole crowd (`estimate: null`) gets no curve and is listed in
 *    `notComputed` with its reason; one computed for the whole crowd but not for a subset (a
 *    select crowd whose subset holds no cued judge) counts that subset as undefined.
 * 4. Per strategy and k: accuracy with its 95% Wilson interval, mean/median/p10/p90 absolute
 *    relative error, mean squared error; then the optimal k (argmax accuracy, null when no k is
 *    accurate), the sizes no other size significantly beats (`optimalKInterval`),
 *    the smallest k within epsilon of the best, and the flags (`SubsetFlag`).
 *
 * For the mean, `meanSquaredError` estimates the closed form (m - T)^2 + (s^2/k)(n - k)/(n - 1)
 * (`expectedSubsetMeanError`).
 *
 * @param sample the crowd (n >= 1).
 * @param truth the true value (non-zero).
 * @param options strategies, ks, B, fallbackB, tolerance, epsilon, seed.
 * @returns per strategy the curve over ks and its optimal sizes.
 */
export function subsetAnalysis(
  sample: CrowdSample,
  truth: number,
  options: SubsetAnalysisOptions = {},
): SubsetAnalysis {
  const n = sample.values.length;
  if (n === 0) throw new RangeError('subsetAnalysis needs a non-empty crowd');
  if (!(truth !== 0 && Number.isFinite(truth)))
    throw new RangeError(`truth must be finite and non-zero (got ${truth})`);
  const B = options.B ?? 1000;
  if (!(Number.isInteger(B) && B >= 1)) throw new RangeError(`B must be a positive integer (got ${B})`);
  const fallbackB = Math.min(B, options.fallbackB ?? 100);
  if (!(Number.isInteger(fallbackB) && fallbackB >= 1))
    throw new RangeError(`fallbackB must be a positive integer (got ${options.fallbackB})`);
  const tolerance = options.tolerance ?? 0.1;
  const epsilon = options.epsilon ?? 0.01;
  const seed = options.seed ?? 0;
  for (const k of options.extraKs ?? [])
    if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`subset size ${k} is not a positive integer`);
  const maxK = options.maxK ?? SUBSET_MAX_K;
  if (!(Number.isInteger(maxK) && maxK >= 1))
    throw new RangeError(`maxK must be a positive integer (got ${maxK})`);
  const skippedKs = (options.extraKs ?? []).filter((k) => k > n);
  const extra = (options.extraKs ?? []).filter((k) => k <= n);
  const grid = options.ks ?? logSpacedSizes(n);
  const cappedKs = options.ks ? [] : grid.filter((k) => k > maxK && k < n);
  const ks = [...new Set([...grid.filter((k) => !cappedKs.includes(k)), ...extra])].sort((a, b) => a - b);
  for (const k of ks)
    if (!(Number.isInteger(k) && k >= 1 && k <= n))
      throw new RangeError(`subset size ${k} out of range 1..${n}`);
  const partialKs = ks.filter((k) => k < n);
  const maxPartial = partialKs.length > 0 ? (partialKs[partialKs.length - 1] as number) : 0;
  const list = resolveStrategies(options.strategies);
  const strategyOptions = options.strategyOptions ?? {};

  let ranked: RankedMultiset | undefined;
  const context: PrefixContext = {
    ranked: () => {
      ranked ??= new RankedMultiset(sample.values);
      return ranked;
    },
  };
  const notComputed: SubsetNotComputed[] = [];
  const runs = list.flatMap((strategy) => {
    const opts = strategyOptions[strategy.name];
    const whole = options.whole?.[strategy.name] ?? strategy.aggregate(sample, opts);
    if (whole.estimate === null) {
      notComputed.push({ name: strategy.name, label: strategy.label, reason: whole.reason });
      return [];
    }
    const prefix: PrefixAggregator | undefined = strategy.prefix?.(sample, opts, context);
    const permutations = prefix ? B : fallbackB;
    return [
      {
        strategy,
        opts,
        prefix,
        subset: prefix ? undefined : new GrowingSubset(neededFields(sample, strategy)),
        permutations,
        estimates: partialKs.map(() => new Float64Array(permutations)),
        whole: whole.estimate,
      },
    ];
  });

  // only as many permutations as the most demanding strategy uses (all strategies may be fallbacks)
  const drawn = Math.max(0, ...runs.map((run) => run.permutations));
  const rng = createRng(seed);
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const perm = new Int32Array(n);
  for (let b = 0; b < drawn; b++) {
    perm.set(identity);
    for (let i = 0; i < maxPartial; i++) {
      const j = i + rng.int(n - i);
      const t = perm[i] as number;
      perm[i] = perm[j] as number;
      perm[j] = t;
    }
    const active = runs.filter((run) => b < run.permutations);
    const incremental = active.filter((run) => run.prefix !== undefined);
    for (const run of incremental) (run.prefix as PrefixAggregator).reset();
    ranked?.clear();
    let done = 0;
    partialKs.forEach((k, idx) => {
      // every incremental strategy, and the shared structure, advance to k together
      ranked?.addAll(perm, done, k);
      for (const run of incremental) {
        const prefix = run.prefix as PrefixAggregator;
        prefix.extend(perm, done, k);
        (run.estimates[idx] as Float64Array)[b] = prefix.estimate();
      }
      done = k;
    });
    for (const run of active) {
      if (!run.subset) continue;
      const subset = run.subset;
      subset.clear();
      let grown = 0;
      partialKs.forEach((k, idx) => {
        subset.extend(perm, grown, k);
        grown = k;
        (run.estimates[idx] as Float64Array)[b] =
          run.strategy.aggregate(subset.sample(), run.opts).estimate ?? Number.NaN;
      });
    }
  }

  const results = runs.map((run): SubsetStrategyResult => {
    const evaluated = ks.map((k) => {
      const idx = partialKs.indexOf(k);
      const estimates = idx >= 0 ? (run.estimates[idx] as Float64Array) : Float64Array.of(run.whole);
      return summarisePoint(k, estimates, truth, tolerance);
    });
    const points = evaluated.map((e) => e.point);
    const accuracies = points.map((p) => p.accuracy);
    const best = argmaxAccuracy(ks, accuracies);
    const optimalAccuracy = best >= 0 ? (accuracies[best] as number) : 0;
    const good = best >= 0 ? points.find((p) => p.accuracy >= optimalAccuracy - epsilon) : undefined;
    const wholeAccurate = Math.abs(run.whole - truth) <= tolerance * Math.abs(truth);
    const flags: SubsetFlag[] = [];
    if (best < 0) flags.push('no-accurate-subset');
    else if (!wholeAccurate) flags.push('bias-artefact');
    if (optimalAccuracy === 1) flags.push('saturated');
    return {
      name: run.strategy.name,
      label: run.strategy.label,
      permutations: run.permutations,
      incremental: run.prefix !== undefined,
      points,
      optimalK: best >= 0 ? (ks[best] as number) : null,
      optimalKInterval: optimalKInterval(
        ks,
        evaluated.map((e) => e.hits),
        run.permutations,
      ),
      optimalAccuracy,
      smallestGoodK: good ? good.k : null,
      flags,
    };
  });
  return {
    n,
    truth,
    ks,
    skippedKs,
    maxK,
    cappedKs,
    B,
    fallbackB,
    tolerance,
    epsilon,
    seed,
    strategies: results,
    notComputed,
  };
}

/** The sample with only the side arrays the strategy needs, so recomputed subsets carry less. */
function neededFields(sample: CrowdSample, strategy: AggregationStrategy): CrowdSample {
  const needs = strategy.needs ?? [];
  return {
    values: sample.values,
    ...(needs.includes('confidence') && sample.confidence ? { confidence: sample.confidence } : {}),
    ...(needs.includes('groups') && sample.groups ? { groups: sample.groups } : {}),
    ...(needs.includes('cue') && sample.cue ? { cue: sample.cue } : {}),
  };
}

function summarisePoint(
  k: number,
  estimates: Float64Array,
  truth: number,
  tolerance: number,
): { point: SubsetPoint; hits: Uint8Array } {
  const scale = Math.abs(truth);
  const errors: number[] = [];
  const hits = new Uint8Array(estimates.length);
  let accurate = 0;
  let sumSq = 0;
  let sumEst = 0;
  estimates.forEach((e, b) => {
    if (Number.isNaN(e)) return;
    const abs = Math.abs(e - truth);
    errors.push(abs / scale);
    if (abs <= tolerance * scale) {
      accurate++;
      hits[b] = 1;
    }
    sumSq += abs * abs;
    sumEst += e;
  });
  const total = estimates.length;
  const defined = errors.length;
  const sorted = Float64Array.from(errors).sort();
  let sumRel = 0;
  for (const e of errors) sumRel += e;
  const accuracy = accurate / total;
  const interval = wilsonInterval(accurate, total);
  return {
    point: {
      k,
      accuracy,
      accuracyInterval: total === 1 ? [accuracy, accuracy] : [interval.lo, interval.hi],
      meanAbsRelError: defined > 0 ? sumRel / defined : Number.NaN,
      medianAbsRelError: quantileSorted(sorted, 0.5),
      p10AbsRelError: quantileSorted(sorted, 0.1),
      p90AbsRelError: quantileSorted(sorted, 0.9),
      meanSquaredError: defined > 0 ? sumSq / defined : Number.NaN,
      meanEstimate: defined > 0 ? sumEst / defined : Number.NaN,
      undefinedShare: (total - defined) / total,
    },
    hits,
  };
}
