/**
 * The median of a growing list of numbers, kept up to date as each is added: two binary heaps
 * (the lower half as a max-heap, the upper half as a min-heap, the upper holding the extra one of
 * an odd count), O(log n) an addition and O(1) a read, where `median` of the whole list costs a
 * copy and a selection every time. It returns exactly what `median` returns for the numbers
 * added so far: the middle value for an odd count, (lower middle + upper middle) / 2 for an
 * even one, NaN when empty. Numbers must not be NaN.
 */
export class RunningMedian {
  private lower: Float64Array = new Float64Array(64);
  private upper: Float64Array = new Float64Array(64);
  private lowerSize = 0;
  private upperSize = 0;

  /** How many numbers were added. */
  get size(): number {
    return this.lowerSize + this.upperSize;
  }

  /** Adds a number (not NaN). */
  add(x: number): void {
    if (this.upperSize > 0 && x < (this.upper[0] as number)) {
      this.lower = pushHeap(this.lower, this.lowerSize++, -x);
    } else {
      this.upper = pushHeap(this.upper, this.upperSize++, x);
    }
    // rebalance: upperSize is lowerSize or lowerSize + 1
    if (this.upperSize > this.lowerSize + 1) {
      const moved = popHeap(this.upper, this.upperSize--);
      this.lower = pushHeap(this.lower, this.lowerSize++, -moved);
    } else if (this.lowerSize > this.upperSize) {
      const moved = -popHeap(this.lower, this.lowerSize--);
      this.upper = pushHeap(this.upper, this.upperSize++, moved);
    }
  }

  /** The median of the numbers added (NaN when none). */
  value(): number {
    const n = this.size;
    if (n === 0) return Number.NaN;
    const upperMiddle = this.upper[0] as number;
    if (n % 2 === 1) return upperMiddle;
    return (-(this.lower[0] as number) + upperMiddle) / 2;
  }
}

/** Pushes x onto the min-heap of `size` elements in `heap` (grown when full); returns the array. */
function pushHeap(heap: Float64Array, size: number, x: number): Float64Array {
  let h = heap;
  if (size === h.length) {
    h = new Float64Array(h.length * 2);
    h.set(heap);
  }
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = h[parent] as number;
    if (p <= x) break;
    h[i] = p;
    i = parent;
  }
  h[i] = x;
  return h;
}

/** Removes and returns the smallest of the min-heap of `size` (> 0) elements. */
function popHeap(h: Float64Array, size: number): number {
  const top = h[0] as number;
  const last = h[size - 1] as number;
  const n = size - 1;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && (h[child + 1] as number) < (h[child] as number)) child++;
    if ((h[child] as number) >= last) break;
    h[i] = h[child] as number;
    i = child;
  }
  if (n > 0) h[i] = last;
  return top;
}
