/**
 * Partial selection: rearranges `array` in place so that `array[k]` holds the k-th smallest value
 * (0-based), with smaller-or-equal values before it and larger-or-equal after it.
 *
 * The intuition: a median only needs one order statistic, not a full sort; Hoare's FIND
 * (Hoare 1961, "Algorithm 65: Find") discards the side of each partition that cannot hold the
 * answer, for O(n) expected time. The pivot is the median of three, which keeps sorted and
 * reverse-sorted input (common in stored data) linear.
 *
 * @param array the numbers; reordered in place (copy first if the order matters).
 * @param k the 0-based rank wanted, 0 <= k < array.length.
 * @returns the k-th smallest value.
 */
export function quickselect(array: number[] | Float64Array, k: number): number {
  if (!(k >= 0 && k < array.length)) throw new RangeError(`rank ${k} out of range 0..${array.length - 1}`);
  const a = array;
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // median of three to a[mid]
    if ((a[lo] as number) > (a[hi] as number)) swap(a, lo, hi);
    if ((a[mid] as number) > (a[hi] as number)) swap(a, mid, hi);
    if ((a[lo] as number) > (a[mid] as number)) swap(a, lo, mid);
    const pivot = a[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

function swap(a: number[] | Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}
