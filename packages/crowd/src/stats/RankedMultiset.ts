const SHIFT = 6;
const BLOCK = 1 << SHIFT;

/** Options of a `RankedMultiset`. */
export interface RankedMultisetOptions {
  /**
   * Split of the judges into disjoint segments queried separately: the segment of each judge
   * (aligned with the values), 0..segmentCount-1; a negative segment excludes the judge.
   */
  readonly segmentOf?: ArrayLike<number>;
  /** Number of segments (required with `segmentOf`). */
  readonly segmentCount?: number;
  /** Keep block sums for `sumSmallest`; default true. Medians alone do not need them. */
  readonly sums?: boolean;
}

/**
 * A multiset of judges from one fixed crowd that answers order-statistic queries (k-th smallest
 * value, sum of the j smallest values, median) while judges are added one at a time.
 *
 * The intuition: subset analysis grows a random sub-crowd one judge at a time and asks for its
 * median or trimmed mean at many sizes. Sorting the crowd once turns each judge into a rank; the
 * multiset is then a presence bitmap over ranks split into blocks of 64 that keep a count and a
 * sum (square-root decomposition). Adding is O(1); a query walks the block totals and then one
 * block, O(n / 64 + 64). Ties get distinct ranks, which does not change any order statistic.
 *
 * With `segmentOf` (e.g. one segment per emotion group) every segment is ranked separately in its
 * own block-aligned range, so one structure serves per-group medians with one tight insertion loop.
 *
 * @example
 * const set = new RankedMultiset([5, 1, 9, 3]);
 * set.add(0); set.add(1); set.add(2);   // {5, 1, 9}
 * set.kth(1);                            // 5 (the median)
 * set.sumSmallest(2);                    // 6
 */
export class RankedMultiset {
  /** Number of judges in the underlying crowd. */
  readonly capacity: number;
  private readonly rankOf: Int32Array;
  private readonly sums: boolean;
  private readonly sorted: Float64Array;
  private readonly present: Uint8Array;
  private readonly blockCount: Int32Array;
  private readonly blockSum: Float64Array;
  private readonly segmentStart: Int32Array;
  private count = 0;

  /**
   * @param values the whole crowd's values; judge i is later added by its index i.
   * @param options segments (default: one segment, 0) and whether to keep sums.
   */
  constructor(values: ArrayLike<number>, options: RankedMultisetOptions = {}) {
    const n = values.length;
    this.capacity = n;
    this.sums = options.sums ?? true;
    const given = options.segmentOf;
    const segmentCount = given ? (options.segmentCount ?? 0) : 1;
    const segmentOf = Int32Array.from({ length: n }, (_, i) => (given ? (given[i] as number) : 0));
    const sizes = new Int32Array(segmentCount);
    for (let i = 0; i < n; i++) {
      const s = segmentOf[i] as number;
      if (s < 0) continue;
      if (s >= segmentCount)
        throw new RangeError(`segment ${s} of judge ${i} out of range 0..${segmentCount - 1}`);
      sizes[s] = (sizes[s] as number) + 1;
    }
    this.segmentStart = new Int32Array(segmentCount + 1);
    let offset = 0;
    for (let s = 0; s < segmentCount; s++) {
      this.segmentStart[s] = offset;
      offset += Math.ceil((sizes[s] as number) / BLOCK) * BLOCK;
    }
    this.segmentStart[segmentCount] = offset;
    // each segment's values sorted natively; judge i takes the first free slot of its value's run
    // (ties ranked in index order), found by binary search: no comparator sort
    this.sorted = new Float64Array(offset);
    const fill = this.segmentStart.slice(0, segmentCount);
    for (let i = 0; i < n; i++) {
      const s = segmentOf[i] as number;
      if (s < 0) continue;
      const r = fill[s] as number;
      this.sorted[r] = values[i] as number;
      fill[s] = r + 1;
    }
    for (let s = 0; s < segmentCount; s++)
      this.sorted.subarray(this.segmentStart[s] as number, fill[s] as number).sort();
    const taken = new Int32Array(offset);
    this.rankOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      const s = segmentOf[i] as number;
      if (s < 0) continue;
      const v = values[i] as number;
      let lo = this.segmentStart[s] as number;
      let hi = fill[s] as number;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((this.sorted[mid] as number) < v) lo = mid + 1;
        else hi = mid;
      }
      this.rankOf[i] = lo + (taken[lo] as number);
      taken[lo] = (taken[lo] as number) + 1;
    }
    this.present = new Uint8Array(offset);
    this.blockCount = new Int32Array(offset >> SHIFT);
    this.blockSum = new Float64Array(offset >> SHIFT);
  }

  /** Number of judges added since the last `clear()`. */
  get size(): number {
    return this.count;
  }

  /** Number of judges of `segment` added since the last `clear()` (O(segment blocks)). */
  segmentSize(segment: number): number {
    const from = this.segmentStart[segment];
    const to = this.segmentStart[segment + 1];
    if (from === undefined || to === undefined) return 0;
    if (from === 0 && to === this.present.length) return this.count;
    let size = 0;
    for (let b = from >> SHIFT; b < to >> SHIFT; b++) size += this.blockCount[b] as number;
    return size;
  }

  /** Empties the multiset. */
  clear(): void {
    this.present.fill(0);
    this.blockCount.fill(0);
    if (this.sums) this.blockSum.fill(0);
    this.count = 0;
  }

  /** Adds judge `index` (each judge at most once between clears; excluded judges are ignored). */
  add(index: number): void {
    this.addAll([index], 0, 1);
  }

  /** Adds the judges `order[from..to)`; judges in a negative segment are ignored. */
  addAll(order: ArrayLike<number>, from: number, to: number): void {
    const { rankOf, present, blockCount, blockSum, sorted } = this;
    let added = 0;
    if (this.sums) {
      for (let t = from; t < to; t++) {
        const r = rankOf[order[t] as number] as number;
        if (r < 0) continue;
        present[r] = 1;
        const b = r >> SHIFT;
        blockCount[b] = (blockCount[b] as number) + 1;
        blockSum[b] = (blockSum[b] as number) + (sorted[r] as number);
        added++;
      }
    } else {
      for (let t = from; t < to; t++) {
        const r = rankOf[order[t] as number] as number;
        if (r < 0) continue;
        present[r] = 1;
        const b = r >> SHIFT;
        blockCount[b] = (blockCount[b] as number) + 1;
        added++;
      }
    }
    this.count += added;
  }

  /**
   * The j-th smallest value (0-based) among the judges added (of one segment).
   * @param j rank, 0 <= j < segmentSize(segment).
   * @param segment the segment; default 0 (the whole crowd without segments).
   * @returns the value.
   */
  kth(j: number, segment = 0): number {
    return this.kthOf(j, segment, this.segmentSize(segment));
  }

  private kthOf(j: number, segment: number, size: number): number {
    if (!(j >= 0 && j < size)) throw new RangeError(`rank ${j} out of range 0..${size - 1}`);
    let acc = 0;
    let b = (this.segmentStart[segment] as number) >> SHIFT;
    while (acc + (this.blockCount[b] as number) <= j) acc += this.blockCount[b++] as number;
    for (let r = b << SHIFT; ; r++) {
      if (this.present[r] === 1) {
        if (acc === j) return this.sorted[r] as number;
        acc++;
      }
    }
  }

  /** The median of the values added (of one segment; `NaN` when empty). */
  median(segment = 0): number {
    const k = this.segmentSize(segment);
    if (k === 0) return Number.NaN;
    const upper = this.kthOf(k >> 1, segment, k);
    return k % 2 === 1 ? upper : (this.kthOf((k >> 1) - 1, segment, k) + upper) / 2;
  }

  /**
   * Sum of the j smallest values among the judges added (of one segment).
   * @param j how many, 0 <= j <= segmentSize(segment).
   * @param segment the segment; default 0.
   * @returns their sum (0 for j = 0).
   */
  sumSmallest(j: number, segment = 0): number {
    if (!this.sums) throw new Error('this RankedMultiset was built without sums');
    const size = this.segmentSize(segment);
    if (!(j >= 0 && j <= size)) throw new RangeError(`count ${j} out of range 0..${size}`);
    let acc = 0;
    let sum = 0;
    let b = (this.segmentStart[segment] as number) >> SHIFT;
    while (acc < j && acc + (this.blockCount[b] as number) <= j) {
      acc += this.blockCount[b] as number;
      sum += this.blockSum[b++] as number;
    }
    for (let r = b << SHIFT; acc < j; r++) {
      if (this.present[r] === 1) {
        sum += this.sorted[r] as number;
        acc++;
      }
    }
    return sum;
  }
}
