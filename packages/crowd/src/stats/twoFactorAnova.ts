/** One factor of `twoFactorAnova`: its Type II sum of squares and effect sizes. */
export interface AnovaTerm {
  /** Levels present. */
  readonly levels: number;
  /** Degrees of freedom given the other factor: levels - (connected components of the design). */
  readonly df: number;
  /** Type II sum of squares: RSS(other factor alone) - RSS(both). */
  readonly ss: number;
  /** SS / (SS + SS_residual). */
  readonly partialEta2: number;
  /** (SS - df MS_res) / (SS + (N - df) MS_res) (Olejnik & Algina 2003, between-subjects factors). */
  readonly partialOmega2: number;
}

/** The result of `twoFactorAnova`. */
export interface TwoFactorAnova {
  readonly n: number;
  /** Residual sum of squares and degrees of freedom of the additive model a + b. */
  readonly ssResidual: number;
  readonly dfResidual: number;
  readonly ssTotal: number;
  readonly a: AnovaTerm;
  readonly b: AnovaTerm;
}

/**
 * The additive two-factor ANOVA y = mu + a_i + b_j + e, fitted by least squares, with Type II
 * sums of squares (each factor adjusted for the other; Langsrud 2003, Stat. Comput. 13:163),
 * the ones to use for unbalanced data without interaction: unlike Type I they do not depend on
 * the order of the factors, and in a main-effects model they equal Type III.
 *
 * Intuition: is the spread of answers explained by emotion or by social configuration, each
 * counted once and with the other held fixed? Partial eta² and omega² answer that on one model
 * instead of comparing separate one-way figures.
 *
 * Behaviour:
 * 1. Works on cell totals (count and sum per (a, b) pair) and the total sum of squares, so a fit
 *    is one pass over the observations and one over the cells. y is centred on its mean first.
 * 2. The factor with fewer levels (say a) is solved from its reduced normal equations
 *    (D_a - N D_b^-1 N') a = s_a - N D_b^-1 s_b by a Cholesky factorization that skips
 *    zero pivots (the design's null space: one per connected component), then b from a.
 * 3. RSS(a + b) = y'y - (a's_a + b's_b); RSS of one factor = y'y - sum s_i² / n_i.
 *    SS_a = RSS(b) - RSS(a + b), SS_b = RSS(a) - RSS(a + b); df_a = levels_a - c,
 *    df_b = levels_b - c, df_res = N - levels_a - levels_b + c, with c the number of connected
 *    components of the levels linked by non-empty cells (1 for a connected design).
 * 4. NaN effect sizes when the residual has no degree of freedom or no variance.
 *
 * @param values the observations
 * @param a the first factor's label per observation
 * @param b the second factor's label per observation
 * @returns sums of squares, degrees of freedom and partial effect sizes of both factors
 */
export function twoFactorAnova(
  values: ArrayLike<number>,
  a: readonly string[],
  b: readonly string[],
): TwoFactorAnova {
  return twoFactorDesign(values, a, b).fit();
}

/** A two-factor design prepared once and fitted for any weighting of its observations. */
export interface TwoFactorDesign {
  /** The ANOVA with each observation counted `weights[i]` times (default once), e.g. a bootstrap resample. */
  fit(weights?: ArrayLike<number>): TwoFactorAnova;
  /**
   * Only the two partial eta² of `fit(weights)` (what a bootstrap replicate needs), the same
   * numbers: the connected components are counted only when the residual's degrees of freedom
   * could be zero without them.
   */
  partialEta2(weights: ArrayLike<number>): { a: number; b: number };
}

/**
 * Prepares `twoFactorAnova` for repeated fits (bootstrap): the cell of every observation is
 * found once, so a fit costs one pass over the observations plus one over the cells.
 *
 * @param values the observations
 * @param a the first factor's label per observation
 * @param b the second factor's label per observation
 */
export function twoFactorDesign(
  values: ArrayLike<number>,
  a: readonly string[],
  b: readonly string[],
): TwoFactorDesign {
  const n = values.length;
  if (a.length !== n || b.length !== n) throw new RangeError('factors must have one label per observation');
  const aIds = ids(a);
  const bIds = ids(b);
  // swap so that `small` has the fewer levels (the reduced system's size)
  const swap = aIds.levels > bIds.levels;
  const small = swap ? bIds : aIds;
  const large = swap ? aIds : bIds;
  const k = small.levels;
  const cellIndex = new Map<number, number>();
  const cellOf = new Int32Array(n);
  const cellSmall: number[] = [];
  const cellLarge: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = (large.codes[i] as number) * k + (small.codes[i] as number);
    let c = cellIndex.get(key);
    if (c === undefined) {
      c = cellSmall.length;
      cellIndex.set(key, c);
      cellSmall.push(small.codes[i] as number);
      cellLarge.push(large.codes[i] as number);
    }
    cellOf[i] = c;
  }
  const cells = cellLayout(k, large.levels, cellSmall, cellLarge);
  return {
    fit(weights?: ArrayLike<number>): TwoFactorAnova {
      const cn = new Float64Array(cells.count);
      const cs = new Float64Array(cells.count);
      const { yy, total } =
        weights === undefined
          ? cellTotals(values, cellOf, cn, cs)
          : weightedCellTotals(values, weights, cellOf, cn, cs);
      const result = fitCells(cells, cn, cs, yy, total);
      return swap ? { ...result, a: result.b, b: result.a } : result;
    },
    partialEta2(weights: ArrayLike<number>): { a: number; b: number } {
      const cn = new Float64Array(cells.count);
      const cs = new Float64Array(cells.count);
      const { yy, total } = weightedCellTotals(values, weights, cellOf, cn, cs);
      const fit = sumsOfSquares(cells, cn, cs, yy);
      const present = count(fit.nS) + count(fit.nL);
      // at least one component: a positive bound decides without counting them
      const dfResidual =
        total - present + 1 > 0 ? 1 : total - present + connectedComponents(cells, cn, fit.nS);
      const eta2 = (ss: number): number =>
        ss + fit.rssBoth > 0 && dfResidual > 0 ? ss / (ss + fit.rssBoth) : Number.NaN;
      const small = eta2(Math.max(0, fit.rssLarge - fit.rssBoth));
      const large = eta2(Math.max(0, fit.rssSmall - fit.rssBoth));
      return swap ? { a: large, b: small } : { a: small, b: large };
    },
  };
}

/** The cells of a design: each cell's levels, and the cells of each level of the large factor (ascending). */
interface CellLayout {
  readonly count: number;
  /** Levels of the small factor (the reduced system's size). */
  readonly k: number;
  readonly largeLevels: number;
  readonly small: Int32Array;
  /** The cells of large level q are `byLarge[largeStart[q] .. largeStart[q + 1])`, in ascending cell order. */
  readonly largeStart: Int32Array;
  readonly byLarge: Int32Array;
  /** Most cells of one large level. */
  readonly widest: number;
}

function cellLayout(
  k: number,
  largeLevels: number,
  cellSmall: readonly number[],
  cellLarge: readonly number[],
): CellLayout {
  const count = cellSmall.length;
  const largeStart = new Int32Array(largeLevels + 1);
  for (const q of cellLarge) largeStart[q + 1] = (largeStart[q + 1] as number) + 1;
  for (let q = 0; q < largeLevels; q++)
    largeStart[q + 1] = (largeStart[q + 1] as number) + (largeStart[q] as number);
  const fill = largeStart.slice(0, largeLevels);
  const byLarge = new Int32Array(count);
  cellLarge.forEach((q, c) => {
    byLarge[fill[q] as number] = c;
    fill[q] = (fill[q] as number) + 1;
  });
  let widest = 0;
  for (let q = 0; q < largeLevels; q++)
    widest = Math.max(widest, (largeStart[q + 1] as number) - (largeStart[q] as number));
  return { count, k, largeLevels, small: Int32Array.from(cellSmall), largeStart, byLarge, widest };
}

/** Count, sum of centred y (into cn, cs) and sum of squares, every observation counted once. */
function cellTotals(
  values: ArrayLike<number>,
  cellOf: Int32Array,
  cn: Float64Array,
  cs: Float64Array,
): { yy: number; total: number } {
  const n = values.length;
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    total += 1;
    sum += values[i] as number;
  }
  const grand = sum / total;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const y = (values[i] as number) - grand;
    const c = cellOf[i] as number;
    cn[c] = (cn[c] as number) + 1;
    cs[c] = (cs[c] as number) + y;
    yy += y * y;
  }
  return { yy, total };
}

/** As `cellTotals`, observation i counted `weights[i]` times. */
function weightedCellTotals(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  cellOf: Int32Array,
  cn: Float64Array,
  cs: Float64Array,
): { yy: number; total: number } {
  const n = values.length;
  let total = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights[i] as number;
    total += wi;
    sum += wi * (values[i] as number);
  }
  const grand = sum / total;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights[i] as number;
    if (wi === 0) continue;
    const y = (values[i] as number) - grand;
    const c = cellOf[i] as number;
    cn[c] = (cn[c] as number) + wi;
    cs[c] = (cs[c] as number) + wi * y;
    yy += wi * y * y;
  }
  return { yy, total };
}

/** The level totals and residual sums of squares of the additive fit and of each factor alone. */
function sumsOfSquares(
  cells: CellLayout,
  cn: Float64Array,
  cs: Float64Array,
  yy: number,
): { nS: Float64Array; nL: Float64Array; rssBoth: number; rssSmall: number; rssLarge: number } {
  const { k, largeLevels, small, largeStart, byLarge } = cells;
  const nS = new Float64Array(k);
  const sS = new Float64Array(k);
  const nL = new Float64Array(largeLevels);
  const sL = new Float64Array(largeLevels);
  for (let c = 0; c < cells.count; c++) {
    const count = cn[c] as number;
    if (count === 0) continue;
    const p = small[c] as number;
    nS[p] = (nS[p] as number) + count;
    sS[p] = (sS[p] as number) + (cs[c] as number);
  }
  for (let q = 0; q < largeLevels; q++) {
    for (let t = largeStart[q] as number; t < (largeStart[q + 1] as number); t++) {
      const c = byLarge[t] as number;
      const count = cn[c] as number;
      if (count === 0) continue;
      nL[q] = (nL[q] as number) + count;
      sL[q] = (sL[q] as number) + (cs[c] as number);
    }
  }
  const effS = solveSemiDefinite(...reducedSystem(cells, cn, nS, sS, nL, sL), k);
  let fit = 0;
  for (let p = 0; p < k; p++) fit += (effS[p] as number) * (sS[p] as number);
  for (let q = 0; q < largeLevels; q++) {
    const nq = nL[q] as number;
    if (nq === 0) continue;
    let t = sL[q] as number;
    for (let u = largeStart[q] as number; u < (largeStart[q + 1] as number); u++) {
      const c = byLarge[u] as number;
      if (cn[c] !== 0) t -= (cn[c] as number) * (effS[small[c] as number] as number);
    }
    fit += (t / nq) * (sL[q] as number);
  }
  const rssBoth = Math.max(0, yy - fit);
  const rssSmall = Math.max(0, yy - oneWayFit(nS, sS));
  const rssLarge = Math.max(0, yy - oneWayFit(nL, sL));
  return { nS, nL, rssBoth, rssSmall, rssLarge };
}

/** The additive fit from cell totals; `a` is the small factor here. */
function fitCells(
  cells: CellLayout,
  cn: Float64Array,
  cs: Float64Array,
  yy: number,
  total: number,
): TwoFactorAnova {
  const { nS, nL, rssBoth, rssSmall, rssLarge } = sumsOfSquares(cells, cn, cs, yy);
  const presentS = count(nS);
  const presentL = count(nL);
  const components = connectedComponents(cells, cn, nS);
  const dfS = presentS - components;
  const dfL = presentL - components;
  const dfResidual = total - presentS - presentL + components;
  const msRes = dfResidual > 0 ? rssBoth / dfResidual : Number.NaN;
  const term = (levels: number, df: number, ss: number): AnovaTerm => ({
    levels,
    df,
    ss,
    partialEta2: ss + rssBoth > 0 && dfResidual > 0 ? ss / (ss + rssBoth) : Number.NaN,
    partialOmega2: msRes > 0 ? (ss - df * msRes) / (ss + (total - df) * msRes) : Number.NaN,
  });
  return {
    n: total,
    ssResidual: rssBoth,
    dfResidual,
    ssTotal: yy,
    a: term(presentS, dfS, Math.max(0, rssLarge - rssBoth)),
    b: term(presentL, dfL, Math.max(0, rssSmall - rssBoth)),
  };
}

/**
 * The reduced normal equations of the small factor, (D_a - N D_b^-1 N') a = s_a - N D_b^-1 s_b,
 * as the lower triangle of M (all `solveSemiDefinite` reads) and r. Each entry of M receives one
 * term per level of the large factor, in ascending level order.
 */
function reducedSystem(
  cells: CellLayout,
  cn: Float64Array,
  nS: Float64Array,
  sS: Float64Array,
  nL: Float64Array,
  sL: Float64Array,
): [Float64Array, Float64Array] {
  const { k, largeLevels, small, largeStart, byLarge } = cells;
  const m = new Float64Array(k * k);
  const r = new Float64Array(k);
  for (let p = 0; p < k; p++) {
    m[p * k + p] = nS[p] as number;
    r[p] = sS[p] as number;
  }
  // the non-empty cells of one large level, compacted
  const ps = new Int32Array(cells.widest);
  const ns = new Float64Array(cells.widest);
  for (let q = 0; q < largeLevels; q++) {
    const nq = nL[q] as number;
    if (nq === 0) continue;
    let w = 0;
    for (let t = largeStart[q] as number; t < (largeStart[q + 1] as number); t++) {
      const c = byLarge[t] as number;
      const nx = cn[c] as number;
      if (nx === 0) continue;
      const px = small[c] as number;
      r[px] = (r[px] as number) - (nx * (sL[q] as number)) / nq;
      ps[w] = px;
      ns[w] = nx;
      w++;
    }
    for (let i = 0; i < w; i++) {
      const px = ps[i] as number;
      const nx = ns[i] as number;
      for (let j = 0; j <= i; j++) {
        const py = ps[j] as number;
        const at = px >= py ? px * k + py : py * k + px;
        m[at] = (m[at] as number) - (nx * (ns[j] as number)) / nq;
      }
    }
  }
  return [m, r];
}

/** Level codes of a label column, in order of first appearance. */
export function ids(labels: readonly string[]): { codes: Int32Array; levels: number } {
  const map = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  labels.forEach((label, i) => {
    let id = map.get(label);
    if (id === undefined) {
      id = map.size;
      map.set(label, id);
    }
    codes[i] = id;
  });
  return { codes, levels: map.size };
}

function count(totals: Float64Array): number {
  let c = 0;
  for (const t of totals) if (t > 0) c++;
  return c;
}

function oneWayFit(nLevel: Float64Array, sLevel: Float64Array): number {
  let fit = 0;
  nLevel.forEach((nl, i) => {
    if (nl > 0) fit += (sLevel[i] as number) ** 2 / nl;
  });
  return fit;
}

/**
 * Solves M x = r for a symmetric positive semi-definite M by Cholesky factorization, setting the
 * unknowns of (numerically) zero pivots to 0: a least-squares solution when M is singular and r
 * lies in its range, as reduced normal equations do.
 */
function solveSemiDefinite(m: Float64Array, r: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  const skip = new Uint8Array(k);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(m[i * k + i] as number));
  const tiny = 1e-10 * (scale || 1);
  for (let j = 0; j < k; j++) {
    let d = m[j * k + j] as number;
    for (let t = 0; t < j; t++) d -= (l[j * k + t] as number) ** 2;
    if (d <= tiny) {
      skip[j] = 1;
      continue;
    }
    const root = Math.sqrt(d);
    l[j * k + j] = root;
    for (let i = j + 1; i < k; i++) {
      let v = m[i * k + j] as number;
      for (let t = 0; t < j; t++) v -= (l[i * k + t] as number) * (l[j * k + t] as number);
      l[i * k + j] = v / root;
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    if (skip[i]) continue;
    let v = r[i] as number;
    for (let t = 0; t < i; t++) v -= (l[i * k + t] as number) * (y[t] as number);
    y[i] = v / (l[i * k + i] as number);
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    if (skip[i]) continue;
    let v = y[i] as number;
    for (let t = i + 1; t < k; t++) v -= (l[t * k + i] as number) * (x[t] as number);
    x[i] = v / (l[i * k + i] as number);
  }
  return x;
}

/** Connected components of the bipartite graph of present levels linked by non-empty cells. */
function connectedComponents(cells: CellLayout, cn: Float64Array, nS: Float64Array): number {
  const { k, largeLevels, small, largeStart, byLarge } = cells;
  const parent = Int32Array.from({ length: k + largeLevels }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const next = parent[x] as number;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const roots = new Set<number>();
  for (let q = 0; q < largeLevels; q++) {
    let present = false;
    for (let t = largeStart[q] as number; t < (largeStart[q + 1] as number); t++) {
      const c = byLarge[t] as number;
      if (cn[c] === 0) continue;
      parent[find(small[c] as number)] = find(k + q);
      present = true;
    }
    if (present) roots.add(k + q);
  }
  const components = new Set<number>();
  for (let p = 0; p < k; p++) if ((nS[p] as number) > 0) components.add(find(p));
  for (const q of roots) components.add(find(q));
  return components.size;
}
