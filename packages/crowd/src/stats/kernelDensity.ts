import { silvermanBandwidth } from './silvermanBandwidth.js';

/** A kernel density estimate evaluated on an evenly spaced grid. */
export interface DensityGrid {
  /** Grid points, ascending and evenly spaced. */
  readonly x: Float64Array;
  /** Estimated density at each grid point (integrates to about 1). */
  readonly density: Float64Array;
  /** The Gaussian kernel's bandwidth (standard deviation) used. */
  readonly bandwidth: number;
}

/** Options of `kernelDensity`. */
export interface KernelDensityOptions {
  /** Kernel standard deviation; default Silverman's rule (`silvermanBandwidth`). */
  bandwidth?: number;
  /**
   * Number of grid points; default one point per fifth of a bandwidth over the data range plus
   * the cut, between 64 and 4096 (so the grid resolves the kernel whatever the crowd size).
   */
  gridSize?: number;
  /** The grid extends `cut` bandwidths beyond the data on each side; default 3. */
  cut?: number;
}

/**
 * Gaussian kernel density estimate f(x) = (1 / n h) sum phi((x - x_i) / h), on a grid.
 *
 * The intuition: put a small bell curve on every estimate and add them up; peaks are where the
 * crowd's answers concentrate. For speed the estimate uses whichever is cheaper of direct
 * evaluation (n x grid) and linear binning followed by a discrete convolution with the kernel
 * truncated at 5 bandwidths (Silverman 1982, Appl. Stat. 31:93; Wand 1994, J. Comput. Graph.
 * Stat. 3:433); with the default grid (step h/5) both agree to within 1% of the peak height.
 *
 * @param values the data (non-empty, finite).
 * @param options bandwidth, grid size, cut.
 * @returns grid points, densities and the bandwidth used.
 */
export function kernelDensity(values: ArrayLike<number>, options: KernelDensityOptions = {}): DensityGrid {
  const n = values.length;
  if (n === 0) throw new RangeError('kernelDensity needs at least one value');
  const cut = options.cut ?? 3;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let h = options.bandwidth ?? silvermanBandwidth(values);
  if (!(h > 0)) h = Math.max(Math.abs(lo), Math.abs(hi), 1) * 1e-6; // all equal: a spike
  const start = lo - cut * h;
  const end = hi + cut * h;
  const gridSize =
    options.gridSize !== undefined
      ? Math.max(8, Math.floor(options.gridSize))
      : Math.min(4096, Math.max(64, Math.ceil((end - start) / (h / 5)) + 1));
  const step = (end - start) / (gridSize - 1);
  const x = new Float64Array(gridSize);
  for (let g = 0; g < gridSize; g++) x[g] = start + g * step;
  const density = new Float64Array(gridSize);
  const norm = 1 / (n * h * Math.sqrt(2 * Math.PI));
  const halfWidth = Math.min(gridSize - 1, Math.ceil((5 * h) / step));
  const directCost = 4 * n * gridSize;
  const binnedCost = n + gridSize * (2 * halfWidth + 1);
  if (directCost <= binnedCost) {
    for (let g = 0; g < gridSize; g++) {
      const xg = x[g] as number;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const z = (xg - (values[i] as number)) / h;
        s += Math.exp(-0.5 * z * z);
      }
      density[g] = s * norm;
    }
  } else {
    const counts = new Float64Array(gridSize);
    for (let i = 0; i < n; i++) {
      const pos = ((values[i] as number) - start) / step;
      const left = Math.min(gridSize - 2, Math.max(0, Math.floor(pos)));
      const frac = pos - left;
      counts[left] = (counts[left] as number) + (1 - frac);
      counts[left + 1] = (counts[left + 1] as number) + frac;
    }
    const kernel = new Float64Array(2 * halfWidth + 1);
    for (let j = -halfWidth; j <= halfWidth; j++) {
      const z = (j * step) / h;
      kernel[j + halfWidth] = Math.exp(-0.5 * z * z);
    }
    for (let g = 0; g < gridSize; g++) {
      const c = counts[g] as number;
      if (c === 0) continue;
      const from = Math.max(0, g - halfWidth);
      const to = Math.min(gridSize - 1, g + halfWidth);
      for (let t = from; t <= to; t++)
        density[t] = (density[t] as number) + c * (kernel[t - g + halfWidth] as number);
    }
    for (let g = 0; g < gridSize; g++) density[g] = (density[g] as number) * norm;
  }
  return { x, density, bandwidth: h };
}
