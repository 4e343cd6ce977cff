import type { Rng } from '@emocrowd/models';
import type { CrowdSample } from '../stats/CrowdSample.js';
import { differenceTest } from '../stats/differenceTest.js';
import { mean } from '../stats/mean.js';
import { standardizedDifference } from '../stats/standardizedDifference.js';
import { subsetSample } from '../stats/subsetSample.js';
import { variance } from '../stats/variance.js';
import type { AggregationStrategy, StrategyOptions } from '../strategies/AggregationStrategy.js';
import type { CellItemSample } from './cellSamples.js';
import type { CellPairing } from './pairCells.js';

/** The effect size of a contrast metric. */
export interface ContrastEffectSize {
  /**
   * `relativeToTruth`: the difference in absolute error divided by |truth| (a difference in
   * absolute relative error); `dz` / `hedgesG`: the standardized difference of the mean
   * |ln(x/truth)| (paired / independent, see `standardizedDifference`); `sdRatio`: the
   * dispersion of a over that of b.
   */
  readonly kind: 'relativeToTruth' | 'dz' | 'hedgesG' | 'sdRatio';
  readonly value: number;
}

/** One metric of a contrast: the difference a - b with its interval, test and effect size. */
export interface ContrastMetric {
  /** a - b. */
  readonly estimate: number;
  /** Percentile bootstrap interval of a - b. */
  readonly ci: readonly [number, number];
  /** The metric in cell a and in cell b (on the pairs, for a paired contrast). */
  readonly a: number;
  readonly b: number;
  /** Two-sided permutation p-value (null without permutations). */
  readonly p: number | null;
  /** Holm-adjusted over every p-value of the report (filled in by `buildStudyReport`). */
  readonly pHolm: number | null;
  /** Monte Carlo standard error of `p`. */
  readonly pStandardError: number | null;
  readonly effectSize: ContrastEffectSize;
  /** Answers the metric was computed on in each cell (the pairs, twice, when paired). */
  readonly n: { readonly a: number; readonly b: number };
}

/** What `contrastMetrics` needs besides the two crowds. */
export interface ContrastMetricsOptions {
  /** The strategies whose absolute errors are compared. */
  strategies: readonly AggregationStrategy[];
  strategyOptions?: Readonly<Record<string, StrategyOptions>>;
  /** A seeded stream per metric (so one metric's numbers do not depend on which others are computed). */
  rng: (metric: string) => Rng;
  bootstrap: number;
  permutations: number;
  level: number;
}

/**
 * The metrics of one contrast a - b (docs/metrics.md, "Study contrasts"):
 *
 * - `absError.<strategy>`: |aggregate(a) - T| - |aggregate(b) - T| in the task's unit, for each
 *   strategy computed on both crowds (only when both cells have the same truth T); effect size:
 *   the difference over |T|.
 * - `meanAbsLogRatio`: the mean over answers of |ln(x / T)| in a minus in b (how far, by what
 *   factor, a typical answer is off); effect size d_z (paired) or Hedges' g.
 * - `dispersion`: the standard deviation (population) of ln x in a minus in b, the log-space
 *   diversity's square root; effect size sd(a) / sd(b).
 *
 * Paired contrasts use the pairs only (`pairCells`); the log metrics use the pairs (or answers,
 * unpaired) whose estimates are > 0. Every difference gets a percentile bootstrap interval and a
 * permutation p-value (`differenceTest`), each metric from its own seeded stream.
 *
 * @param a the first cell's crowd for one question
 * @param b the second's
 * @param pairing how they are compared
 * @param options strategies, streams, resamples, level
 * @returns the metrics by key, and notes on what was left out
 */
export function contrastMetrics(
  a: CellItemSample,
  b: CellItemSample,
  pairing: CellPairing,
  options: ContrastMetricsOptions,
): { metrics: Record<string, ContrastMetric>; notes: string[] } {
  const notes: string[] = [];
  const metrics: Record<string, ContrastMetric> = {};
  const paired = pairing.paired;
  const A = paired ? subsetSample(a.sample, pairing.a) : a.sample;
  const B = paired ? subsetSample(b.sample, pairing.b) : b.sample;
  const test = (name: string, x: CrowdSample, y: CrowdSample, statistic: (s: CrowdSample) => number) =>
    differenceTest(x, y, statistic, {
      paired,
      rng: options.rng(name),
      bootstrap: options.bootstrap,
      permutations: options.permutations,
      level: options.level,
    });
  const metric = (
    result: ReturnType<typeof differenceTest>,
    effectSize: ContrastEffectSize,
    n: { a: number; b: number },
  ): ContrastMetric => ({
    estimate: result.estimate,
    ci: result.ci,
    a: result.a,
    b: result.b,
    p: result.p,
    pHolm: null,
    pStandardError: result.pStandardError,
    effectSize,
    n,
  });

  if (A.values.length === 0 || B.values.length === 0) {
    notes.push('a cell has no answer with a number to compare');
    return { metrics, notes };
  }
  if (a.truth !== b.truth) {
    notes.push(
      `the cells' truths differ (${a.truth} ${a.unit}, ${b.truth} ${b.unit}): absolute errors in task units are not subtracted; the log metrics are`,
    );
  } else {
    const T = a.truth;
    for (const strategy of options.strategies) {
      const opts = options.strategyOptions?.[strategy.name];
      const first = strategy.aggregate(A, opts);
      const second = strategy.aggregate(B, opts);
      if (first.estimate === null || second.estimate === null) {
        const reason = first.estimate === null ? first.reason : second.estimate === null ? second.reason : '';
        notes.push(`${strategy.name}: not computed (${reason})`);
        continue;
      }
      const error = (s: CrowdSample): number => {
        const estimate = strategy.aggregate(s, opts).estimate;
        return estimate === null ? Number.NaN : Math.abs(estimate - T);
      };
      // Resample only what the strategy reads: a million copied labels per metric add up.
      const result = test(`absError.${strategy.name}`, needed(A, strategy), needed(B, strategy), error);
      metrics[`absError.${strategy.name}`] = metric(
        result,
        { kind: 'relativeToTruth', value: result.estimate / Math.abs(T) },
        { a: A.values.length, b: B.values.length },
      );
    }
  }

  // The log metrics: on ln(x / T) of the estimates > 0 (both members of a pair, when paired).
  const [logA, logB] = logRatios(A, B, a.truth, b.truth, paired);
  if (logA.length === 0 || logB.length === 0) {
    notes.push('no estimate > 0 in a cell: the log metrics are undefined');
    return { metrics, notes };
  }
  if (logA.length < A.values.length || logB.length < B.values.length)
    notes.push(
      `log metrics leave out ${A.values.length - logA.length} (a) and ${B.values.length - logB.length} (b) answers <= 0${paired ? ' with their pairs' : ''}`,
    );
  const absA = logA.map(Math.abs);
  const absB = logB.map(Math.abs);
  const meanAbs = test('meanAbsLogRatio', { values: absA }, { values: absB }, (s) =>
    s.values.length > 0 ? mean(s.values) : Number.NaN,
  );
  metrics.meanAbsLogRatio = metric(meanAbs, standardizedDifference(absA, absB, paired), {
    a: absA.length,
    b: absB.length,
  });
  const sd = (s: CrowdSample): number => Math.sqrt(variance(s.values, 'population'));
  const spread = test('dispersion', { values: logA }, { values: logB }, sd);
  metrics.dispersion = metric(
    spread,
    { kind: 'sdRatio', value: spread.a / spread.b },
    { a: logA.length, b: logB.length },
  );
  return { metrics, notes };
}

/** ln(x / T) of the estimates > 0; paired, only the pairs whose two estimates are > 0. */
function logRatios(
  A: CrowdSample,
  B: CrowdSample,
  truthA: number,
  truthB: number,
  paired: boolean,
): [number[], number[]] {
  if (!(truthA > 0 && truthB > 0)) return [[], []];
  if (paired) {
    const la: number[] = [];
    const lb: number[] = [];
    A.values.forEach((x, i) => {
      const y = B.values[i] as number;
      if (x > 0 && y > 0) {
        la.push(Math.log(x / truthA));
        lb.push(Math.log(y / truthB));
      }
    });
    return [la, lb];
  }
  const logs = (values: readonly number[], truth: number) =>
    values.filter((x) => x > 0).map((x) => Math.log(x / truth));
  return [logs(A.values, truthA), logs(B.values, truthB)];
}

/** The sample with only the side arrays the strategy reads. */
function needed(sample: CrowdSample, strategy: AggregationStrategy): CrowdSample {
  const needs = strategy.needs ?? [];
  return {
    values: sample.values,
    ...(needs.includes('confidence') && sample.confidence ? { confidence: sample.confidence } : {}),
    ...(needs.includes('groups') && sample.groups ? { groups: sample.groups } : {}),
    ...(needs.includes('cue') && sample.cue ? { cue: sample.cue } : {}),
  };
}
