/** A least-squares line y = intercept + slope x. */
export interface LeastSquaresLine {
  readonly slope: number;
  readonly intercept: number;
}

/**
 * Weighted least-squares line of y on x: slope = Σ w (x - x̄)(y - ȳ) / Σ w (x - x̄)², with x̄ and
 * ȳ the w-weighted means, intercept = ȳ - slope x̄ (ordinary least squares when every weight is 1;
 * Draper & Smith 1998, "Applied Regression Analysis", §1.2 and §9.2).
 *
 * Intuition: a line through group means weighted by group sizes has exactly the slope of the
 * line through all the individual points, so a trend over a million answers needs only the
 * per-level sums.
 *
 * @param x the predictor.
 * @param y the response, aligned with x.
 * @param weights non-negative weights, aligned (default all 1).
 * @returns slope and intercept; both `NaN` when x does not vary (its weighted sum of squares is
 *   below 1e-20 Σw max(1, x̄²), rounding noise) or the weights sum to 0.
 */
export function olsSlope(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  weights?: ArrayLike<number>,
): LeastSquaresLine {
  const n = x.length;
  if (y.length !== n || (weights !== undefined && weights.length !== n))
    throw new RangeError(`olsSlope: x has ${n} values, y ${y.length}, weights ${weights?.length ?? n}`);
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    sw += w;
    sx += w * (x[i] as number);
    sy += w * (y[i] as number);
  }
  if (!(sw > 0)) return { slope: Number.NaN, intercept: Number.NaN };
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : (weights[i] as number);
    const dx = (x[i] as number) - mx;
    sxx += w * dx * dx;
    sxy += w * dx * ((y[i] as number) - my);
  }
  // x that does not vary leaves only rounding noise in sxx (0.3 three times has a mean of 0.29999999999999993).
  if (!(sxx > 1e-20 * sw * Math.max(1, mx * mx))) return { slope: Number.NaN, intercept: Number.NaN };
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}
