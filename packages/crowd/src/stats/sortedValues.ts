/** Where a sub-crowd's values came from: its parent's values and the indices picked. */
interface Origin {
  readonly parent: ArrayLike<number>;
  readonly indices: Int32Array;
}

/** The parent's values in ascending order and each value's position in that order. */
interface Ranks {
  readonly sorted: Float64Array;
  readonly rank: Int32Array;
}

const origins = new WeakMap<object, Origin>();
const rankCache = new WeakMap<object, Ranks>();

/**
 * Records that `values` are `parent` picked at `indices` (`subsetSample`), so `sortedValues` can
 * sort them by counting instead of comparing.
 *
 * @param values the sub-crowd's values
 * @param parent the values they were picked from
 * @param indices the positions picked, an array the caller owns and never changes again
 */
export function recordSubsetOrigin(values: object, parent: ArrayLike<number>, indices: Int32Array): void {
  origins.set(values, { parent, indices });
}

/**
 * The values in ascending order, as `Float64Array.from(values).sort()` gives them (a new array).
 *
 * Intuition: a bootstrap resample or a permutation picks n of a parent's values; sorting each of
 * thousands of them costs n log n. When `values` were made by `subsetSample`, the parent is
 * sorted once (its order cached with the parent) and each pick is sorted by counting how often
 * every parent position was picked and writing the parent's sorted values that many times: O(n),
 * and the very same array a sort gives (equal numbers are indistinguishable; −0 sorts before +0
 * as the typed-array sort puts it).
 *
 * @param values the numbers (no NaN)
 * @returns a new ascending Float64Array of the same numbers
 */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  const origin = origins.get(values);
  if (!origin || !stillPicked(values, origin)) return Float64Array.from(values).sort();
  const { sorted, rank } = ranksOf(origin.parent);
  const counts = new Int32Array(sorted.length);
  for (const i of origin.indices) {
    const r = rank[i] as number;
    counts[r] = (counts[r] as number) + 1;
  }
  const out = new Float64Array(origin.indices.length);
  let at = 0;
  for (let r = 0; r < counts.length; r++) {
    const v = sorted[r] as number;
    for (let c = counts[r] as number; c > 0; c--) out[at++] = v;
  }
  return out;
}

/** Whether `values` still hold the parent's values at the recorded indices (arrays can be refilled). */
function stillPicked(values: ArrayLike<number>, origin: Origin): boolean {
  const { parent, indices } = origin;
  if (values.length !== indices.length) return false;
  for (let j = 0; j < indices.length; j++)
    if (!Object.is(values[j], parent[indices[j] as number])) return false;
  return true;
}

/**
 * The parent's sorted values and ranks, computed once per parent array and reused while the
 * array still holds the same numbers (checked in O(n): arrays can be refilled in place).
 */
function ranksOf(parent: ArrayLike<number>): Ranks {
  const known = rankCache.get(parent as object);
  if (known && sameNumbers(parent, known)) return known;
  const n = parent.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) =>
    compare(parent[i] as number, parent[j] as number),
  );
  const sorted = new Float64Array(n);
  const rank = new Int32Array(n);
  order.forEach((index, r) => {
    sorted[r] = parent[index] as number;
    rank[index] = r;
  });
  const ranks = { sorted, rank };
  rankCache.set(parent as object, ranks);
  return ranks;
}

/** Whether the parent still holds, at each index, the number its rank says. */
function sameNumbers(parent: ArrayLike<number>, known: Ranks): boolean {
  if (parent.length !== known.rank.length) return false;
  for (let i = 0; i < parent.length; i++)
    if (!Object.is(parent[i], known.sorted[known.rank[i] as number])) return false;
  return true;
}

/** Ascending, with −0 before +0 and NaN last (the typed-array sort's order). */
function compare(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
  if (x !== y) return x < y ? -1 : 1;
  if (x === 0 && Object.is(x, -0) !== Object.is(y, -0)) return Object.is(x, -0) ? -1 : 1;
  return 0;
}
