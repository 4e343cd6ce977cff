import { beatenShare } from '../metrics/beatenShare.js';
import { bracketingRate } from '../metrics/bracketingRate.js';
import { diversityPrediction, logDiversityPrediction } from '../metrics/diversityPrediction.js';
import { type HyperAccuracyOptions, hyperAccuracy } from '../metrics/hyperAccuracy.js';
import { ratioSummary } from '../metrics/ratioSummary.js';
import { roundNumberShare } from '../metrics/roundNumberShare.js';
import { type WocTieRule, wocIndicator } from '../metrics/wocIndicator.js';
import type { CrowdSample } from '../stats/CrowdSample.js';
import { checkSample } from '../stats/checkSample.js';
import { mean } from '../stats/mean.js';
import { median } from '../stats/median.js';
import type { AggregationStrategy, StrategyOptions } from '../strategies/AggregationStrategy.js';
import { resolveStrategies } from '../strategies/strategies.js';
import { type Breakdown, breakdown } from './breakdown.js';
import { type EffectModel, effectModel } from './effectModel.js';
import { type EffectSize, effectSizes } from './effectSizes.js';
import { type ScoredAggregate, scoreStrategies } from './scoreStrategies.js';
import { type SubsetAnalysis, type SubsetAnalysisOptions, subsetAnalysis } from './subsetAnalysis.js';

/** The crowd-level metrics of `summarizeEstimates` (stable JSON keys, see docs/metrics.md). */
export interface CrowdMetrics {
  readonly n: number;
  readonly collectiveError: number;
  readonly averageIndividualError: number;
  readonly diversity: number;
  readonly logCollectiveError: number;
  readonly logAverageIndividualError: number;
  readonly logDiversity: number;
  /** Judges left out of the log-space terms (estimate <= 0). */
  readonly logDropped: number;
  readonly beatenByMean: number;
  readonly beatenByMedian: number;
  readonly tiesWithMean: number;
  readonly tiesWithMedian: number;
  readonly bracketingRate: number;
  /** Lorenz's indicator, min(#x <= T, #x >= T) by default (see `wocIndicatorTies`). */
  readonly wocIndicator: number;
  /** wocIndicator / n. */
  readonly wocIndicatorShare: number;
  /** How estimates equal to the truth were counted in `wocIndicator`: `both` sides or neither (`strict`). */
  readonly wocIndicatorTies: WocTieRule;
  readonly ratioMedian: number;
  readonly ratioIQR: number;
  readonly roundNumberShare: number;
  readonly hyperAccuracy: boolean;
  /** Share of estimates within the hyper-accuracy `exactTolerance` (1%) of the truth. */
  readonly exactShare: number;
}

/** Options of `summarizeEstimates`. */
export interface SummaryOptions {
  /** Strategy names or objects; default every registered strategy. */
  strategies?: readonly (string | AggregationStrategy)[];
  /** Options per strategy name. */
  strategyOptions?: Readonly<Record<string, StrategyOptions>>;
  /** Run `subsetAnalysis` (true for defaults, or its options); default off. */
  subsets?: boolean | SubsetAnalysisOptions;
  /** Break down by these dimensions (true = every dimension); default off. */
  groups?: boolean | readonly string[];
  /** Bootstrap resamples for group intervals; default 1000. */
  bootstrap?: number;
  /** Seed of every random draw (subsets, bootstrap); default 0. */
  seed?: number | string;
  /** Hyper-accuracy thresholds. */
  hyperAccuracy?: HyperAccuracyOptions;
  /** How `wocIndicator` counts estimates equal to the truth; default `both`. */
  wocTies?: WocTieRule;
}

/** Everything `summarizeEstimates` reports. */
export interface EstimateSummary {
  readonly truth: number;
  readonly aggregates: Record<string, ScoredAggregate>;
  readonly metrics: CrowdMetrics;
  readonly subsets?: SubsetAnalysis;
  readonly groups?: Record<string, Breakdown>;
  /** Variance of ln(estimates) explained by each dimension (present when the sample has groups). */
  readonly effectSizes?: EffectSize[];
  /** Emotion against the joint social configuration in one two-factor model (when both vary). */
  readonly effectModel?: EffectModel;
}

/**
 * The full wisdom-of-crowds report for one question: every strategy's answer and error, the crowd
 * metrics, and optionally the subset analysis and per-group breakdowns.
 *
 * This is the function the command line and the viewer call, so they never compute a statistic
 * themselves; its keys are stable and documented in docs/metrics.md. Metrics use the arithmetic
 * mean and median of the whole crowd regardless of the strategies chosen. Log-space terms are
 * `NaN` when the truth is <= 0.
 *
 * @param sample the crowd (checked with `checkSample`; n >= 1).
 * @param truth the true value (non-zero).
 * @param options strategies, subsets, groups, bootstrap, seed, hyper-accuracy thresholds.
 * @returns aggregates, metrics, and the optional parts asked for.
 */
export function summarizeEstimates(
  sample: CrowdSample,
  truth: number,
  options: SummaryOptions = {},
): EstimateSummary {
  checkSample(sample);
  const values = sample.values;
  if (values.length === 0) throw new RangeError('summarizeEstimates needs a non-empty crowd');
  if (!(truth !== 0 && Number.isFinite(truth)))
    throw new RangeError(`truth must be finite and non-zero (got ${truth})`);
  const list = resolveStrategies(options.strategies);
  const seed = options.seed ?? 0;
  const linear = diversityPrediction(values, truth);
  const log = truth > 0 ? logDiversityPrediction(values, truth) : undefined;
  const m = mean(values);
  const med = median(values);
  const byMean = beatenShare(values, m, truth);
  const byMedian = beatenShare(values, med, truth);
  const ratios = ratioSummary(values, truth);
  const hyper = hyperAccuracy(values, truth, options.hyperAccuracy);
  const wocTies = options.wocTies ?? 'both';
  const woc = wocIndicator(values, truth, wocTies);
  const metrics: CrowdMetrics = {
    n: values.length,
    collectiveError: linear.collectiveError,
    averageIndividualError: linear.averageIndividualError,
    diversity: linear.diversity,
    logCollectiveError: log?.collectiveError ?? Number.NaN,
    logAverageIndividualError: log?.averageIndividualError ?? Number.NaN,
    logDiversity: log?.diversity ?? Number.NaN,
    logDropped: log?.dropped ?? values.length,
    beatenByMean: byMean.beaten,
    beatenByMedian: byMedian.beaten,
    tiesWithMean: byMean.ties,
    tiesWithMedian: byMedian.ties,
    bracketingRate: bracketingRate(values, truth),
    wocIndicator: woc,
    wocIndicatorShare: woc / values.length,
    wocIndicatorTies: wocTies,
    ratioMedian: ratios.median,
    ratioIQR: ratios.iqr,
    roundNumberShare: roundNumberShare(values),
    hyperAccuracy: hyper.flag,
    exactShare: hyper.exactShare,
  };
  const summary: {
    -readonly [K in keyof EstimateSummary]: EstimateSummary[K];
  } = { truth, aggregates: scoreStrategies(sample, truth, list, options.strategyOptions), metrics };
  if (options.subsets) {
    const subsetOptions: SubsetAnalysisOptions = options.subsets === true ? {} : options.subsets;
    summary.subsets = subsetAnalysis(sample, truth, {
      strategies: list,
      seed,
      whole: summary.aggregates,
      ...(options.strategyOptions ? { strategyOptions: options.strategyOptions } : {}),
      ...subsetOptions,
    });
  }
  const dimensions = Object.keys(sample.groups ?? {});
  if (options.groups && dimensions.length > 0) {
    const wanted = options.groups === true ? dimensions : options.groups;
    const groups: Record<string, Breakdown> = {};
    for (const dimension of wanted) {
      groups[dimension] = breakdown(sample, truth, dimension, {
        strategies: list,
        seed,
        ...(options.strategyOptions ? { strategyOptions: options.strategyOptions } : {}),
        ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
      });
    }
    summary.groups = groups;
  }
  if (dimensions.length > 0) {
    summary.effectSizes = effectSizes(sample);
    const model = effectModel(sample, { seed });
    if (model) summary.effectModel = model;
  }
  return summary;
}
