import { quantileInPlace } from './quantile.js';
import { variance } from './variance.js';

/**
 * Silverman's rule-of-thumb bandwidth for a Gaussian kernel density estimate:
 * h = 0.9 min(sd, IQR / 1.34) n^(-1/5)  (Silverman 1986, "Density Estimation", eq. 3.31).
 *
 * The intuition: the bandwidth that would be optimal for normal data, shrunk by the IQR when the
 * data are heavy-tailed or multimodal, so one outlier does not smooth the whole density flat.
 * When the IQR is 0 (many identical answers) the standard deviation alone is used; when both are
 * 0 the bandwidth is 0 (all mass at one point). Quartiles by partial selection, O(n).
 *
 * @param values the data (at least one value).
 * @returns the bandwidth h >= 0, `NaN` for no data.
 */
export function silvermanBandwidth(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return 0;
  const sd = Math.sqrt(variance(values, 'sample'));
  const scratch = new Float64Array(n);
  for (let i = 0; i < n; i++) scratch[i] = values[i] as number;
  const q3 = quantileInPlace(scratch, 0.75);
  const iqr = q3 - quantileInPlace(scratch, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  return 0.9 * spread * n ** -0.2;
}
