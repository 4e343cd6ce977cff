import { createRng, type Rng } from '@emocrowd/models';
import { olsSlope } from '../stats/olsSlope.js';
import { quantileSorted } from '../stats/quantile.js';

/** Levels with up to this many answers are resampled; larger ones use the normal limit. */
export const TREND_RESAMPLE_LIMIT = 2000;

/** The slope of a measure on the level, with a stratified bootstrap percentile interval. */
export interface TrendSlope {
  /** Least-squares slope: change of the measure per unit of level. */
  readonly estimate: number;
  /** Interval bounds (`NaN` without resamples). */
  readonly lower: number;
  readonly upper: number;
  /** Coverage of the interval, e.g. 0.95. */
  readonly level: number;
  /** Bootstrap replicates drawn (0: no interval). */
  readonly resamples: number;
  readonly method: 'stratified-bootstrap';
}

/** What one level of a stratum looks like. */
export interface TrendLevel {
  /** The level, e.g. a signed BEAM intensity. */
  readonly level: number;
  /** A name of the level (e.g. the BEAM word), when the caller gave one. */
  readonly label?: string;
  /** Answers at this level with a positive estimate. */
  readonly n: number;
  /** Mean of ln(x/T): the level's log bias. */
  readonly meanLogRatio: number;
  /** Mean of |ln(x/T)|: the level's typical error. */
  readonly meanAbsLogError: number;
  /** Population standard deviation of ln x: the level's spread. */
  readonly logSd: number;
}

/** The dose-response of one stratum (a BEAM spectrum, an emotion): how error and spread change with the level. */
export interface IntensityTrend {
  readonly stratum: string;
  /** Answers used (positive estimates with a level). */
  readonly n: number;
  /** Answers left out because their estimate was <= 0. */
  readonly dropped: number;
  /** One entry per level, ascending. */
  readonly levels: readonly TrendLevel[];
  /** Slope of ln(x/T) on the level over the answers (null with fewer than two levels). */
  readonly logRatio: TrendSlope | null;
  /** Slope of |ln(x/T)| on the level over the answers (null with fewer than two levels). */
  readonly absLogError: TrendSlope | null;
  /** Slope of the per-level log-sd on the level, one point per level of >= 2 answers (null with fewer than two such levels). */
  readonly logSd: TrendSlope | null;
}

/** Options of {@link intensityTrends}. */
export interface IntensityTrendOptions {
  /** The stratum of each answer (aligned with the values); default one stratum, "all". Answers without one are left out. */
  readonly by?: readonly (string | undefined)[];
  /** A name of each answer's level (aligned), e.g. the BEAM word; the first seen per level is kept. */
  readonly labels?: readonly (string | undefined)[];
  /** Bootstrap replicates; default 1000 (0: no intervals). */
  readonly bootstrap?: number;
  /** Interval coverage; default 0.95. */
  readonly level?: number;
  /** Seed of the bootstrap; default 0. */
  readonly seed?: number | string;
}

interface LevelData {
  readonly level: number;
  label: string | undefined;
  readonly ratios: number[];
}

/**
 * Dose-response trends: within each stratum, how the error and the spread of the answers change
 * with an ordered level (a signed BEAM intensity, an emotion's intensity, a round number).
 *
 * Intuition: group means per level show the shape; a slope says in one number, with an
 * interval, whether the crowd gets worse or more scattered as the feeling gets stronger.
 *
 * Behaviour:
 * 1. Per answer r = ln(x/T); answers with x <= 0 are dropped (counted), and no trends are
 *    computed when T <= 0 (empty result). Answers without a finite level are left out.
 * 2. Per level: n, mean r, mean |r| and the population standard deviation of r (= of ln x).
 * 3. `logRatio` and `absLogError`: the least-squares slopes of r and |r| on the level over the
 *    individual answers (computed from the level means weighted by n, which is the same line).
 *    `logSd`: the least-squares slope of the per-level log-sd on the level, each level with at
 *    least two answers one unweighted point.
 * 4. Intervals: a stratified nonparametric bootstrap (Efron & Tibshirani 1993, §6 and ch. 9 on
 *    regression; Davison & Hinkley 1997, §3.2 on stratified resampling): each replicate
 *    resamples every level's answers with replacement, keeping the level sizes, refits the
 *    three slopes, and the interval is the percentile interval of the replicates. A level of
 *    more than 2,000 answers is not resampled but drawn from its bootstrap distribution's normal
 *    limit (mean ± z sd/√n for the two means, and the variance's limit m2 ± z √((m4 - m2²)/n)),
 *    as `meanBootstrapCi` does. Each stratum draws from its own stream `fork(stratum)`.
 *
 * @param values the estimates.
 * @param truth the true value (> 0 for any trend).
 * @param levels the level of each answer, aligned with `values`.
 * @param options strata, level names, bootstrap replicates, coverage, seed.
 * @returns one trend per stratum, in ascending stratum order.
 */
export function intensityTrends(
  values: ArrayLike<number>,
  truth: number,
  levels: ArrayLike<number | undefined>,
  options: IntensityTrendOptions = {},
): IntensityTrend[] {
  if (levels.length !== values.length)
    throw new RangeError(`intensityTrends: ${values.length} values but ${levels.length} levels`);
  if (!(truth > 0 && Number.isFinite(truth))) return [];
  const strata = groupByStratum(values, truth, levels, options);
  const root = createRng(options.seed ?? 0);
  return [...strata.keys()].sort().map((stratum) => {
    const { byLevel, dropped } = strata.get(stratum) as StratumData;
    const data = [...byLevel.values()].sort((a, b) => a.level - b.level);
    return trendOf(stratum, data, dropped, root.fork(stratum), options);
  });
}

interface StratumData {
  byLevel: Map<number, LevelData>;
  dropped: number;
}

function groupByStratum(
  values: ArrayLike<number>,
  truth: number,
  levels: ArrayLike<number | undefined>,
  options: IntensityTrendOptions,
): Map<string, StratumData> {
  const strata = new Map<string, StratumData>();
  const logTruth = Math.log(truth);
  for (let i = 0; i < values.length; i++) {
    const level = levels[i];
    const stratum = options.by === undefined ? 'all' : options.by[i];
    if (level === undefined || !Number.isFinite(level) || stratum === undefined) continue;
    let data = strata.get(stratum);
    if (data === undefined) {
      data = { byLevel: new Map(), dropped: 0 };
      strata.set(stratum, data);
    }
    const x = values[i] as number;
    if (!(x > 0)) {
      data.dropped++;
      continue;
    }
    let at = data.byLevel.get(level);
    if (at === undefined) {
      at = { level, label: undefined, ratios: [] };
      data.byLevel.set(level, at);
    }
    at.label ??= options.labels?.[i];
    at.ratios.push(Math.log(x) - logTruth);
  }
  return strata;
}

/** The three statistics of one level the slopes are fitted to. */
interface LevelStats {
  meanRatio: number;
  meanAbs: number;
  sd: number;
}

function statsOf(ratios: readonly number[]): LevelStats {
  const n = ratios.length;
  let sum = 0;
  let sumAbs = 0;
  for (const r of ratios) {
    sum += r;
    sumAbs += Math.abs(r);
  }
  const meanRatio = sum / n;
  let ss = 0;
  for (const r of ratios) ss += (r - meanRatio) ** 2;
  return { meanRatio, meanAbs: sumAbs / n, sd: Math.sqrt(ss / n) };
}

function trendOf(
  stratum: string,
  data: readonly LevelData[],
  dropped: number,
  rng: Rng,
  options: IntensityTrendOptions,
): IntensityTrend {
  const observed = data.map((d) => statsOf(d.ratios));
  const fitted = fitSlopes(data, observed);
  const replicates = bootstrapSlopes(data, options.bootstrap ?? 1000, rng);
  const coverage = options.level ?? 0.95;
  const slope = (index: 0 | 1 | 2): TrendSlope | null => {
    const estimate = fitted[index];
    if (Number.isNaN(estimate)) return null;
    const sorted = Float64Array.from(replicates.map((r) => r[index]).filter((v) => !Number.isNaN(v))).sort();
    return {
      estimate,
      lower: quantileSorted(sorted, (1 - coverage) / 2),
      upper: quantileSorted(sorted, (1 + coverage) / 2),
      level: coverage,
      resamples: replicates.length,
      method: 'stratified-bootstrap',
    };
  };
  return {
    stratum,
    n: data.reduce((s, d) => s + d.ratios.length, 0),
    dropped,
    levels: data.map((d, j) => {
      const stats = observed[j] as LevelStats;
      const row: TrendLevel = {
        level: d.level,
        n: d.ratios.length,
        meanLogRatio: stats.meanRatio,
        meanAbsLogError: stats.meanAbs,
        logSd: stats.sd,
      };
      return d.label === undefined ? row : { ...row, label: d.label };
    }),
    logRatio: slope(0),
    absLogError: slope(1),
    logSd: slope(2),
  };
}

/** The three slopes (log ratio, absolute log error, log-sd) fitted to per-level statistics. */
function fitSlopes(data: readonly LevelData[], stats: readonly LevelStats[]): [number, number, number] {
  const x = data.map((d) => d.level);
  const n = data.map((d) => d.ratios.length);
  const spread = data.flatMap((d, j) => (d.ratios.length >= 2 ? [j] : []));
  return [
    olsSlope(
      x,
      stats.map((s) => s.meanRatio),
      n,
    ).slope,
    olsSlope(
      x,
      stats.map((s) => s.meanAbs),
      n,
    ).slope,
    olsSlope(
      spread.map((j) => x[j] as number),
      spread.map((j) => (stats[j] as LevelStats).sd),
    ).slope,
  ];
}

function bootstrapSlopes(
  data: readonly LevelData[],
  resamples: number,
  rng: Rng,
): [number, number, number][] {
  const out: [number, number, number][] = [];
  if (data.length < 2) return out;
  const limits = data.map((d) =>
    d.ratios.length > TREND_RESAMPLE_LIMIT ? normalLimit(d.ratios) : undefined,
  );
  for (let b = 0; b < resamples; b++) {
    const stats = data.map((d, j) => {
      const limit = limits[j];
      return limit === undefined ? resampleStats(d.ratios, rng) : drawFromLimit(limit, rng);
    });
    out.push(fitSlopes(data, stats));
  }
  return out;
}

function resampleStats(ratios: readonly number[], rng: Rng): LevelStats {
  const n = ratios.length;
  let sum = 0;
  let sumAbs = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const r = ratios[rng.int(n)] as number;
    sum += r;
    sumAbs += Math.abs(r);
    sumSq += r * r;
  }
  const meanRatio = sum / n;
  return { meanRatio, meanAbs: sumAbs / n, sd: Math.sqrt(Math.max(0, sumSq / n - meanRatio * meanRatio)) };
}

/** The moments a level's normal-limit bootstrap draws need. */
interface NormalLimit {
  n: number;
  stats: LevelStats;
  /** Population variances of r and |r|, and Var(s²) n = m4 - m2². */
  varRatio: number;
  varAbs: number;
  varOfVariance: number;
}

function normalLimit(ratios: readonly number[]): NormalLimit {
  const stats = statsOf(ratios);
  const n = ratios.length;
  let m2 = 0;
  let m4 = 0;
  let varAbs = 0;
  for (const r of ratios) {
    const d = r - stats.meanRatio;
    m2 += d * d;
    m4 += d ** 4;
    varAbs += (Math.abs(r) - stats.meanAbs) ** 2;
  }
  m2 /= n;
  m4 /= n;
  return { n, stats, varRatio: m2, varAbs: varAbs / n, varOfVariance: Math.max(0, m4 - m2 * m2) };
}

function drawFromLimit(limit: NormalLimit, rng: Rng): LevelStats {
  const { n, stats } = limit;
  const variance = stats.sd * stats.sd + rng.normal() * Math.sqrt(limit.varOfVariance / n);
  return {
    meanRatio: stats.meanRatio + rng.normal() * Math.sqrt(limit.varRatio / n),
    meanAbs: stats.meanAbs + rng.normal() * Math.sqrt(limit.varAbs / n),
    sd: Math.sqrt(Math.max(0, variance)),
  };
}
