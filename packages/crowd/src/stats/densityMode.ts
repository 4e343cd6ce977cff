import { type KernelDensityOptions, kernelDensity } from './kernelDensity.js';

/**
 * The mode (highest peak) of a Gaussian kernel density estimate of the data.
 *
 * The intuition: the value the crowd's answers cluster around most densely, which ignores the
 * tails entirely; for strongly skewed or bimodal answers it can sit far from mean and median.
 * Found as the grid maximum of `kernelDensity`, refined by fitting a parabola through the peak
 * and its two neighbours (the grid step is the resolution otherwise). Ties go to the lowest x.
 *
 * @param values the data (non-empty, finite).
 * @param options as for `kernelDensity`.
 * @returns the location of the density's highest peak.
 */
export function densityMode(values: ArrayLike<number>, options: KernelDensityOptions = {}): number {
  if (values.length === 1) return values[0] as number;
  const { x, density } = kernelDensity(values, options);
  let best = 0;
  for (let g = 1; g < density.length; g++) if ((density[g] as number) > (density[best] as number)) best = g;
  const peak = x[best] as number;
  if (best === 0 || best === density.length - 1) return peak;
  const left = density[best - 1] as number;
  const mid = density[best] as number;
  const right = density[best + 1] as number;
  const curvature = left - 2 * mid + right;
  if (curvature >= 0) return peak;
  const offset = (0.5 * (left - right)) / curvature;
  const step = (x[1] as number) - (x[0] as number);
  return peak + Math.max(-0.5, Math.min(0.5, offset)) * step;
}
