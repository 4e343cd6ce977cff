import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { RankedMultiset } from './RankedMultiset.js';

describe('RankedMultiset', () => {
  it('answers k-th smallest and sums of the smallest like a sorted prefix', () => {
    const rng = createRng('ranked');
    const n = 300; // several blocks of 64
    const values = Array.from({ length: n }, () => rng.int(50) - 10); // ties and negatives
    const set = new RankedMultiset(values);
    for (let trial = 0; trial < 3; trial++) {
      const order = Int32Array.from(rng.shuffle(Array.from({ length: n }, (_, i) => i)));
      set.clear();
      let added = 0;
      for (const k of [1, 2, 7, 64, 65, 130, 299, 300]) {
        set.addAll(order, added, k);
        added = k;
        const sorted = Array.from(order.subarray(0, k), (i) => values[i] as number).sort((a, b) => a - b);
        expect(set.size).toBe(k);
        for (const j of [0, k >> 1, k - 1]) expect(set.kth(j)).toBe(sorted[j]);
        for (const j of [0, 1, k >> 1, k])
          expect(set.sumSmallest(j)).toBe(sorted.slice(0, j).reduce((a, b) => a + b, 0));
        const mid =
          k % 2 ? sorted[k >> 1] : ((sorted[(k >> 1) - 1] as number) + (sorted[k >> 1] as number)) / 2;
        expect(set.median()).toBe(mid);
      }
    }
  });

  it('ranks segments separately and ignores judges in a negative segment', () => {
    const rng = createRng('segments');
    const n = 500;
    const values = Array.from({ length: n }, () => rng.int(1000));
    const segment = Array.from({ length: n }, () => rng.int(4) - 1); // -1 = excluded, 0..2
    const set = new RankedMultiset(values, { segmentOf: segment, segmentCount: 3 });
    const order = Int32Array.from(rng.shuffle(Array.from({ length: n }, (_, i) => i)));
    set.addAll(order, 0, 321);
    const prefix = Array.from(order.subarray(0, 321));
    expect(set.size).toBe(prefix.filter((i) => (segment[i] as number) >= 0).length);
    for (let s = 0; s < 3; s++) {
      const own = prefix
        .filter((i) => segment[i] === s)
        .map((i) => values[i] as number)
        .sort((a, b) => a - b);
      expect(set.segmentSize(s)).toBe(own.length);
      expect(set.kth(0, s)).toBe(own[0]);
      expect(set.kth(own.length - 1, s)).toBe(own[own.length - 1]);
      expect(set.sumSmallest(10, s)).toBe(own.slice(0, 10).reduce((a, b) => a + b, 0));
      const k = own.length;
      expect(set.median(s)).toBe(
        k % 2 ? own[k >> 1] : ((own[(k >> 1) - 1] as number) + (own[k >> 1] as number)) / 2,
      );
    }
  });

  it('rejects queries outside the current size', () => {
    const set = new RankedMultiset([3, 1, 2]);
    set.add(0);
    expect(() => set.kth(1)).toThrow(RangeError);
    expect(() => set.sumSmallest(2)).toThrow(RangeError);
    expect(Number.isNaN(new RankedMultiset([1]).median())).toBe(true);
    const medianOnly = new RankedMultiset([1, 2], { sums: false });
    medianOnly.add(1);
    expect(medianOnly.median()).toBe(2);
    expect(() => medianOnly.sumSmallest(1)).toThrow(/without sums/);
  });
});
