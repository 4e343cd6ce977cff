import { revisionWeight } from '../metrics/revisionWeight.js';
import { wocIndicator } from '../metrics/wocIndicator.js';
import { mean } from '../stats/mean.js';
import { median } from '../stats/median.js';
import { variance } from '../stats/variance.js';

/** How a crowd changed from one round to another (stable JSON keys, see docs/metrics.md). */
export interface RoundTransition {
  readonly from: string;
  readonly to: string;
  /** Respondents with a number in both rounds. */
  readonly paired: number;
  /** Respondents whose revision weight is defined: paired, shown known and different from their first answer. */
  readonly revised: number;
  /** Mean and median of Becker et al.'s revision weight w = (after - before) / (shown - before). */
  readonly revisionWeightMean: number;
  readonly revisionWeightMedian: number;
  /** Shares of the paired respondents whose absolute error fell, rose, stayed equal. */
  readonly movedCloser: number;
  readonly movedAway: number;
  readonly unchanged: number;
  /** |mean - T| of all answers of each round, and after - before (< 0: the crowd's mean improved). */
  readonly meanErrorBefore: number;
  readonly meanErrorAfter: number;
  readonly meanErrorChange: number;
  readonly meanImproved: boolean;
  /** The same for the median. */
  readonly medianErrorBefore: number;
  readonly medianErrorAfter: number;
  readonly medianErrorChange: number;
  readonly medianImproved: boolean;
  /** max - min of each round's answers, and after / before (< 1: the range shrank). */
  readonly rangeBefore: number;
  readonly rangeAfter: number;
  readonly rangeRatio: number;
  /** Whether min <= T <= max in each round (Lorenz et al.'s range reduction effect: the truth drops out). */
  readonly truthInRangeBefore: boolean;
  readonly truthInRangeAfter: boolean;
  /** Lorenz et al.'s wisdom-of-crowd indicator in each round, and after - before. */
  readonly wocBefore: number;
  readonly wocAfter: number;
  readonly wocChange: number;
  /** var(ln x) after / var(ln x) before, over the positive answers of each round (< 1: less diverse). */
  readonly logDiversityRatio: number;
}

/**
 * What changed in a crowd between two rounds: individual revisions (Becker, Brackbill & Centola
 * 2017) and the collective effects of social influence (Lorenz, Rauhut, Schweitzer & Helbing 2011).
 *
 * Behaviour:
 * 1. Individual measures use the respondents with a number in both rounds ("paired"). The
 *    revision weight of each is `revisionWeight(before, after, shown)`, defined when what was
 *    shown is known and differs from the first answer; its mean and median over those.
 *    movedCloser / movedAway / unchanged compare |after - T| with |before - T| exactly.
 * 2. Collective measures use every answer of each round (as Becker et al. counted improved
 *    groups): the error of the mean and of the median, the range, whether the truth is inside
 *    it, the WOC indicator (`wocIndicator`, its default tie rule), and the ratio of the
 *    log-variances (estimates <= 0 left out). "Improved" is a strict decrease of the error.
 * 3. A round without a number gives NaN measures (and false flags).
 *
 * @param from name of the earlier round
 * @param to name of the later round
 * @param before answers in the earlier round (NaN = none), one per respondent
 * @param after answers in the later round, aligned with `before`
 * @param shown what each respondent was shown between the rounds (NaN unknown), or undefined
 * @param truth the true value
 * @returns the transition's measures
 */
export function roundTransition(
  from: string,
  to: string,
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  shown: ArrayLike<number> | undefined,
  truth: number,
): RoundTransition {
  let paired = 0;
  let closer = 0;
  let away = 0;
  for (let i = 0; i < before.length; i++) {
    const x0 = before[i] as number;
    const x1 = after[i] as number;
    if (Number.isNaN(x0) || Number.isNaN(x1)) continue;
    paired++;
    const e0 = Math.abs(x0 - truth);
    const e1 = Math.abs(x1 - truth);
    if (e1 < e0) closer++;
    else if (e1 > e0) away++;
  }
  const weights = shown ? revisionWeights(before, after, shown) : [];
  const a = numbers(before);
  const b = numbers(after);
  const meanBefore = Math.abs(mean(a) - truth);
  const meanAfter = Math.abs(mean(b) - truth);
  const medianBefore = Math.abs(median(a) - truth);
  const medianAfter = Math.abs(median(b) - truth);
  const [loBefore, hiBefore] = extent(a);
  const [loAfter, hiAfter] = extent(b);
  const rangeBefore = hiBefore - loBefore;
  const rangeAfter = hiAfter - loAfter;
  const wocBefore = a.length > 0 ? wocIndicator(a, truth) : Number.NaN;
  const wocAfter = b.length > 0 ? wocIndicator(b, truth) : Number.NaN;
  const share = (count: number): number => (paired > 0 ? count / paired : Number.NaN);
  return {
    from,
    to,
    paired,
    revised: weights.length,
    revisionWeightMean: weights.length > 0 ? mean(weights) : Number.NaN,
    revisionWeightMedian: weights.length > 0 ? median(weights) : Number.NaN,
    movedCloser: share(closer),
    movedAway: share(away),
    unchanged: share(paired - closer - away),
    meanErrorBefore: meanBefore,
    meanErrorAfter: meanAfter,
    meanErrorChange: meanAfter - meanBefore,
    meanImproved: meanAfter < meanBefore,
    medianErrorBefore: medianBefore,
    medianErrorAfter: medianAfter,
    medianErrorChange: medianAfter - medianBefore,
    medianImproved: medianAfter < medianBefore,
    rangeBefore,
    rangeAfter,
    rangeRatio: rangeAfter / rangeBefore,
    truthInRangeBefore: loBefore <= truth && truth <= hiBefore,
    truthInRangeAfter: loAfter <= truth && truth <= hiAfter,
    wocBefore,
    wocAfter,
    wocChange: wocAfter - wocBefore,
    logDiversityRatio: logVariance(b) / logVariance(a),
  };
}

/** The defined revision weights of the respondents, in respondent order (see `revisionWeight`). */
export function revisionWeights(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  shown: ArrayLike<number>,
): number[] {
  const out: number[] = [];
  for (let i = 0; i < before.length; i++) {
    const w = revisionWeight(before[i] as number, after[i] as number, shown[i] as number);
    if (!Number.isNaN(w)) out.push(w);
  }
  return out;
}

/** The finite entries of a round, in respondent order. */
export function numbers(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++)
    if (!Number.isNaN(values[i] as number)) out.push(values[i] as number);
  return out;
}

/** [min, max], NaN for none. */
function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [Number.NaN, Number.NaN];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Population variance of ln x over the positive values. */
export function logVariance(values: readonly number[]): number {
  const logs = values.filter((v) => v > 0).map(Math.log);
  return variance(logs);
}
