/** Several crowds counted into the same bins of equal ratio (a log scale), as shares. */
export interface OverlayBins {
  /** Geometric centres of the bins. */
  centers: number[];
  /** Per crowd, per bin: the share of the crowd's positive answers in the bin (each crowd sums to 1). */
  shares: number[][];
  /** Per crowd, per bin: the answers in the bin. */
  counts: number[][];
  /** Lower edge of the first bin and upper edge of the last. */
  range: [number, number];
  /** Per crowd: answers <= 0 or not finite, which a log scale cannot show. */
  nonPositive: number[];
}

/**
 * Counts several crowds' answers into shared bins of equal width in log10 space spanning every
 * positive answer of every crowd and the `include` values (the truth), so two crowds of different
 * sizes (300 simulated personas, 144 people) can be drawn over each other: each bin holds the
 * share of its crowd, not a count.
 *
 * @param crowds each crowd's answers.
 * @param options number of bins (default about 1.5 sqrt(n) of the largest crowd, 10..50), values the range must include.
 * @returns the bins.
 */
export function overlayBins(
  crowds: readonly (readonly number[])[],
  options: { bins?: number; include?: readonly number[] } = {},
): OverlayBins {
  const usable = crowds.map((values) => values.filter((v) => Number.isFinite(v) && v > 0));
  const nonPositive = crowds.map((values, i) => values.length - (usable[i]?.length ?? 0));
  const logs = [...usable.flat(), ...(options.include ?? []).filter((v) => Number.isFinite(v) && v > 0)].map(
    (v) => Math.log10(v),
  );
  if (logs.length === 0) {
    return {
      centers: [],
      shares: crowds.map(() => []),
      counts: crowds.map(() => []),
      range: [1, 10],
      nonPositive,
    };
  }
  let a = logs.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
  let b = logs.reduce((m, v) => Math.max(m, v), Number.NEGATIVE_INFINITY);
  if (!(b > a)) {
    a -= 0.05;
    b += 0.05;
  }
  const largest = usable.reduce((m, v) => Math.max(m, v.length), 0);
  const bins = options.bins ?? Math.max(10, Math.min(50, Math.round(Math.sqrt(largest) * 1.5)));
  const width = (b - a) / bins;
  const counts = usable.map((values) => {
    const c = new Array<number>(bins).fill(0);
    for (const v of values) {
      const i = Math.min(bins - 1, Math.max(0, Math.floor((Math.log10(v) - a) / width)));
      c[i] = (c[i] ?? 0) + 1;
    }
    return c;
  });
  const shares = counts.map((c, k) => {
    const n = usable[k]?.length ?? 0;
    return c.map((x) => (n > 0 ? x / n : 0));
  });
  const centers = Array.from({ length: bins }, (_, i) => 10 ** (a + (i + 0.5) * width));
  return { centers, shares, counts, range: [10 ** a, 10 ** b], nonPositive };
}
