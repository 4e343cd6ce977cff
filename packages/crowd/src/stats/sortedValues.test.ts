import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { sortedValues } from './sortedValues.js';
import { subsetSample } from './subsetSample.js';
import { trimmedMean } from './trimmedMean.js';
import { winsorizedMean } from './winsorizedMean.js';

/** What a comparison sort gives, element by element (Object.is tells −0 from +0). */
const bySort = (values: ArrayLike<number>) => Array.from(Float64Array.from(values).sort());
const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('sortedValues', () => {
  const rng = createRng(7);
  // ties (answers rounded to 50), a zero of each sign, a negative, a NaN: every case a sort orders
  const parent = [
    ...Array.from({ length: 400 }, () => Math.round((600 + rng.next() * 1200) / 50) * 50),
    0,
    -0,
    -30,
    Number.NaN,
  ];

  it('sorts a bootstrap resample by counting into exactly what a sort gives', () => {
    for (let r = 0; r < 50; r++) {
      const indices = Int32Array.from({ length: parent.length }, () => rng.int(parent.length));
      const values = subsetSample({ values: parent }, indices).values;
      expect(same(sortedValues(values), bySort(values))).toBe(true);
    }
  });

  it('stays right when the index array is reused or the arrays are refilled in place', () => {
    const indices = Int32Array.from({ length: 100 }, (_, i) => i * 3);
    const sub = subsetSample({ values: parent }, indices);
    indices.fill(0); // the caller reuses its index array: the sub-crowd keeps its own copy
    expect(same(sortedValues(sub.values), bySort(sub.values))).toBe(true);
    const refilled = [...parent];
    const fromRefilled = subsetSample(
      { values: refilled },
      Int32Array.from({ length: 50 }, (_, i) => i),
    );
    expect(same(sortedValues(fromRefilled.values), bySort(fromRefilled.values))).toBe(true);
    refilled.reverse(); // the parent refilled with other numbers at the same length
    const again = subsetSample(
      { values: refilled },
      Int32Array.from({ length: 50 }, (_, i) => i),
    );
    expect(same(sortedValues(again.values), bySort(again.values))).toBe(true);
    (sub.values as number[]).fill(5); // the sub-crowd's own array refilled: no longer the picks recorded
    expect(Array.from(sortedValues(sub.values))).toEqual(new Array(100).fill(5));
  });

  it('leaves the trimmed and winsorized means of resamples bit for bit as a sort gives them', () => {
    const finite = parent.filter((v) => !Number.isNaN(v));
    for (let r = 0; r < 20; r++) {
      const indices = Int32Array.from({ length: finite.length }, () => rng.int(finite.length));
      const values = subsetSample({ values: finite }, indices).values;
      const copy = [...values]; // a plain array: sorted by comparison
      expect(Object.is(trimmedMean(values, 0.1), trimmedMean(copy, 0.1))).toBe(true);
      expect(Object.is(winsorizedMean(values, 0.2), winsorizedMean(copy, 0.2))).toBe(true);
    }
  });

  it('slices side arrays when first read, aligned with the values', () => {
    const sample = { values: [1, 2, 3], confidence: [0.1, 0.2, 0.3], groups: { emotion: ['a', 'b', 'c'] } };
    const sub = subsetSample(sample, [2, 0, 2]);
    expect(sub).toEqual({
      values: [3, 1, 3],
      confidence: [0.3, 0.1, 0.3],
      groups: { emotion: ['c', 'a', 'c'] },
    });
    expect('cue' in sub).toBe(false);
  });
});
