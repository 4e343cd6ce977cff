import { logGamma } from './logGamma.js';

/**
 * P(X > x) for X chi-square distributed with `df` degrees of freedom: the regularized upper
 * incomplete gamma function Q(df / 2, x / 2), by its series below a + 1 and its continued
 * fraction (modified Lentz) above (Press et al. 2007, Numerical Recipes §6.2), to a relative
 * accuracy of about 1e-14.
 *
 * @param x the statistic (>= 0)
 * @param df degrees of freedom (> 0)
 * @returns the upper-tail probability; 1 for x <= 0, `NaN` for df <= 0
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) return Number.NaN;
  if (!(x > 0)) return 1;
  return upperRegularizedGamma(df / 2, x / 2);
}

function upperRegularizedGamma(a: number, x: number): number {
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    // series for P(a, x); Q = 1 - P
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.max(0, 1 - sum * front);
  }
  // continued fraction for Q(a, x)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, front * h);
}
