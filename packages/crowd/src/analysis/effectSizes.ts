import type { CrowdSample } from '../stats/CrowdSample.js';
import { etaSquared, type VarianceExplained } from '../stats/etaSquared.js';
import { olsSlope } from '../stats/olsSlope.js';
import { positiveLogs } from '../stats/positiveLogs.js';
import { SOCIAL_CONFIGURATION, socialConfiguration } from './effectModel.js';

/** How much of the variance of ln(estimates) one group dimension explains. */
export interface EffectSize extends VarianceExplained {
  readonly dimension: string;
  /** Judges left out because their estimate was <= 0. */
  readonly dropped: number;
  /**
   * For an ordered dimension (every label a number, e.g. an intensity): the share of the
   * variance of ln(estimates) a straight line in the level explains, R² of the least-squares
   * line (the linear-trend part of eta²).
   */
  readonly linearEta2?: number;
}

/**
 * Eta² (and omega²) of ln(estimates) for every group dimension of the sample, largest eta² first.
 *
 * The intuition: does a persona's emotion or its social attributes shape its answer more? Each
 * dimension's share of the log-estimate variance answers that (Kadiyala et al. 2025 report that
 * social attributes guide predictions more strongly than emotions). Log space because estimates
 * are roughly log-normal; values <= 0 are dropped. Dimensions with many levels (28 emotions) gain
 * eta² by chance, about (g - 1)/(n - 1); compare `omega2` when level counts differ (see
 * `etaSquared`). A dimension whose labels are all numbers is ordered: `linearEta2` adds the
 * share explained by a straight line in the level (trend analysis: the linear component of
 * SS_between; Maxwell, Delaney & Kelley 2018, "Designing Experiments and Analyzing Data", ch. 6),
 * which a dose-response reads better than eta² over unordered groups. With two social attributes
 * or more, one more entry, `socialConfiguration`, treats their combination as one factor (see
 * `effectModel`), so a set of dimensions can be compared with emotion alone.
 *
 * @param sample a crowd with `groups`.
 * @returns one entry per dimension, sorted by eta² descending (empty without groups).
 */
export function effectSizes(sample: CrowdSample): EffectSize[] {
  const { logs, keep } = positiveLogs(sample.values);
  const dropped = sample.values.length - logs.length;
  const dimensions = Object.entries(sample.groups ?? {});
  const social = socialConfiguration(sample);
  if (social && social.dimensions.length > 1) dimensions.push([SOCIAL_CONFIGURATION, social.labels]);
  return dimensions
    .map(([dimension, labels]): EffectSize => {
      // every estimate positive (the usual case): the labels as they are, no copy per dimension
      const kept = keep === undefined ? labels : Array.from(keep, (i) => labels[i] as string);
      const shares = etaSquared(logs, kept);
      const linear = linearShare(logs, kept, shares.ssTotal);
      return { dimension, dropped, ...shares, ...(linear === undefined ? {} : { linearEta2: linear }) };
    })
    .sort((a, b) => (b.eta2 || 0) - (a.eta2 || 0));
}

/** R² of the least-squares line of `logs` on numeric labels, or undefined when a label is not a number. */
function linearShare(
  logs: ArrayLike<number>,
  labels: readonly string[],
  ssTotal: number,
): number | undefined {
  if (labels.length === 0 || !labels.every((l) => l.trim() !== '' && Number.isFinite(Number(l))))
    return undefined;
  const levels = Float64Array.from(labels, Number);
  const { slope } = olsSlope(levels, logs);
  if (!(ssTotal > 0) || Number.isNaN(slope)) return Number.NaN;
  let mean = 0;
  for (const x of levels) mean += x;
  mean /= levels.length;
  let sxx = 0;
  for (const x of levels) sxx += (x - mean) ** 2;
  return (slope * slope * sxx) / ssTotal;
}
