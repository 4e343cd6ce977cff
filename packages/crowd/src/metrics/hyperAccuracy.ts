/** Thresholds of the hyper-accuracy flag. */
export interface HyperAccuracyOptions {
  /** An estimate is "exact" within this relative distance of the truth; default 0.01 (1%). */
  exactTolerance?: number;
  /** Minimum share of exact estimates; default 0.5. */
  minExactShare?: number;
  /** Maximum IQR of the estimate/truth ratios; default 0.02. */
  maxRatioIQR?: number;
}

/** The hyper-accuracy verdict and the numbers behind it. */
export interface HyperAccuracy {
  /** True when the crowd's spread has collapsed onto the truth (both conditions hold). */
  readonly flag: boolean;
  /** Share of estimates within `exactTolerance` of the truth. */
  readonly exactShare: number;
  /** Interquartile range of x_i / T (type 7). */
  readonly ratioIQR: number;
}

/**
 * Flags "hyper-accuracy distortion": nearly everyone gives (almost) the exact answer, so the
 * crowd has no spread left (Aher, Arriaga & Kalai 2023, ICML, on simulated people estimating
 * quantities).
 *
 * A human crowd is never like this — its answers spread over tens of percent — so a flag means
 * the personas are recalling a fact rather than estimating, and wisdom-of-crowds measures
 * (diversity, bracketing, subset accuracy) say little. Definition: flag when at least
 * `minExactShare` (50%) of the estimates are within `exactTolerance` (1%) of the truth AND the
 * IQR of the estimate/truth ratios is at most `maxRatioIQR` (0.02, i.e. the middle half of the
 * crowd within 2% of each other). For Fargo -> Seattle (1,194 mi) answers of 1,190-1,205 count
 * as exact.
 *
 * @param values the estimates.
 * @param truth the true value (non-zero).
 * @param options thresholds.
 * @returns flag, exactShare, ratioIQR.
 */
export function hyperAccuracy(
  values: ArrayLike<number>,
  truth: number,
  options: HyperAccuracyOptions = {},
): HyperAccuracy {
  const tolerance = options.exactTolerance ?? 0.01;
  const minShare = options.minExactShare ?? 0.5;
  const maxIqr = options.maxRatioIQR ?? 0.02;
  const n = values.length;
  if (n === 0) return { flag: false, exactShare: Number.NaN, ratioIQR: Number.NaN };
  let exact = 0;
  const ratios = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (Math.abs(x - truth) <= tolerance * Math.abs(truth)) exact++;
    ratios[i] = x / truth;
  }
  ratios.sort();
  const at = (p: number): number => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = ratios[lo] as number;
    return lo + 1 < n ? a + (h - lo) * ((ratios[lo + 1] as number) - a) : a;
  };
  const ratioIQR = at(0.75) - at(0.25);
  const exactShare = exact / n;
  return { flag: exactShare >= minShare && ratioIQR <= maxIqr, exactShare, ratioIQR };
}
