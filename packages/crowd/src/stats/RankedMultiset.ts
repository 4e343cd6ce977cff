const SHIFT = 6;
const BLOCK = 1 << SHIFT;

/**
 * A multiset of judges from one fixed crowd that answers order-statistic queries (k-th smallest
 * value, sum of the j smallest values) while judges are added one at a time.
 *
 * The intuition: subset analysis grows a random sub-crowd one judge at a time and asks for its
 * median or trimmed mean at many sizes. Sorting the crowd once turns each judge into a rank; the
 * multiset is then a presence bitmap over ranks split into blocks of 64 that keep a count and a
 * sum (square-root decomposition). Adding is O(1); a query walks the block totals and then one
 * block, O(n / 64 + 64). Ties get distinct ranks, which does not change any order statistic.
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
  private readonly sorted: Float64Array;
  private readonly present: Uint8Array;
  private readonly blockCount: Int32Array;
  private readonly blockSum: Float64Array;
  private count = 0;

  /**
   * @param values the whole crowd's values; judge i is later added by its index i.
   */
  constructor(values: ArrayLike<number>) {
    const n = values.length;
    this.capacity = n;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
    this.rankOf = new Int32Array(n);
    this.sorted = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const i = order[r] as number;
      this.rankOf[i] = r;
      this.sorted[r] = values[i] as number;
    }
    this.present = new Uint8Array(n);
    const blocks = (n >> SHIFT) + 1;
    this.blockCount = new Int32Array(blocks);
    this.blockSum = new Float64Array(blocks);
  }

  /** Number of judges added since the last `clear()`. */
  get size(): number {
    return this.count;
  }

  /** Empties the multiset. */
  clear(): void {
    this.present.fill(0);
    this.blockCount.fill(0);
    this.blockSum.fill(0);
    this.count = 0;
  }

  /** Adds judge `index` (each judge at most once between clears). */
  add(index: number): void {
    const r = this.rankOf[index] as number;
    this.present[r] = 1;
    const b = r >> SHIFT;
    this.blockCount[b] = (this.blockCount[b] as number) + 1;
    this.blockSum[b] = (this.blockSum[b] as number) + (this.sorted[r] as number);
    this.count++;
  }

  /** Adds the judges `order[from..to)`. */
  addAll(order: ArrayLike<number>, from: number, to: number): void {
    const { rankOf, present, blockCount, blockSum, sorted } = this;
    for (let t = from; t < to; t++) {
      const r = rankOf[order[t] as number] as number;
      present[r] = 1;
      const b = r >> SHIFT;
      blockCount[b] = (blockCount[b] as number) + 1;
      blockSum[b] = (blockSum[b] as number) + (sorted[r] as number);
    }
    this.count += to - from;
  }

  /**
   * The j-th smallest value (0-based) among the judges added.
   * @param j rank, 0 <= j < size.
   * @returns the value.
   */
  kth(j: number): number {
    if (!(j >= 0 && j < this.count)) throw new RangeError(`rank ${j} out of range 0..${this.count - 1}`);
    let acc = 0;
    let b = 0;
    while (acc + (this.blockCount[b] as number) <= j) acc += this.blockCount[b++] as number;
    let r = b << SHIFT;
    for (;; r++) {
      if (this.present[r] === 1) {
        if (acc === j) return this.sorted[r] as number;
        acc++;
      }
    }
  }

  /** The median of the values added (`NaN` when empty). */
  median(): number {
    const k = this.count;
    if (k === 0) return Number.NaN;
    const upper = this.kth(k >> 1);
    return k % 2 === 1 ? upper : (this.kth((k >> 1) - 1) + upper) / 2;
  }

  /**
   * Sum of the j smallest values among the judges added.
   * @param j how many, 0 <= j <= size.
   * @returns their sum (0 for j = 0).
   */
  sumSmallest(j: number): number {
    if (!(j >= 0 && j <= this.count)) throw new RangeError(`count ${j} out of range 0..${this.count}`);
    let acc = 0;
    let sum = 0;
    let b = 0;
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
