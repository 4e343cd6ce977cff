import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { geometricMean } from './geometricMean.js';
import { logValues } from './logValues.js';
import { mean } from './mean.js';
import { median } from './median.js';
import { positiveLogs } from './positiveLogs.js';
import { quantile, quantileSorted } from './quantile.js';
import { quickselect } from './quickselect.js';
import { trimmedMean } from './trimmedMean.js';
import { variance } from './variance.js';
import { winsorizedMean } from './winsorizedMean.js';

describe('mean, median, variance', () => {
  it('computes the basic statistics of a small list', () => {
    expect(mean([48, 47, 51])).toBeCloseTo(48.6667, 4);
    expect(median([5, 1, 9])).toBe(5);
    expect(median([5, 1, 9, 3])).toBe(4);
    expect(variance([48, 47, 51])).toBeCloseTo(2.8889, 4);
    expect(variance([48, 47, 51], 'sample')).toBeCloseTo(4.3333, 4);
    expect(Number.isNaN(mean([]))).toBe(true);
    expect(Number.isNaN(variance([1], 'sample'))).toBe(true);
  });

  it('keeps precision for large offsets (Welford)', () => {
    expect(variance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBeCloseTo(2 / 3, 9);
  });

  it('does not modify its input', () => {
    const values = [3, 1, 2];
    median(values);
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('quickselect', () => {
  it('agrees with sorting for every rank of random lists with ties', () => {
    const rng = createRng('quickselect');
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.int(40);
      const values = Array.from({ length: n }, () => rng.int(10));
      const sorted = [...values].sort((a, b) => a - b);
      for (let k = 0; k < n; k++) expect(quickselect([...values], k)).toBe(sorted[k]);
    }
  });

  it('rejects ranks out of range', () => {
    expect(() => quickselect([1, 2], 2)).toThrow(RangeError);
  });
});

describe('quantile (type 7)', () => {
  it('matches R / NumPy defaults', () => {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 90]) = 1.75, 2.5, 3.7
    expect(quantile([4, 1, 3, 2], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantile([4, 1, 3, 2], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('log space', () => {
  it('drops and counts values <= 0', () => {
    const { logs, dropped } = logValues([1, 0, -3, Math.E]);
    expect(dropped).toBe(2);
    expect(Array.from(logs)).toEqual([0, 1]);
    expect(geometricMean([1, 0, 100])).toBeCloseTo(10, 12);
    expect(Number.isNaN(geometricMean([0, -1]))).toBe(true);
    expect(positiveLogs([1, 0, -3, Math.E, Number.NaN])).toEqual({
      logs: Float64Array.of(0, 1),
      keep: Int32Array.of(0, 3),
    });
    expect(positiveLogs([Math.E, 1])).toEqual({ logs: Float64Array.of(1, 0), keep: undefined });
  });
});

describe('trimmed and winsorized means', () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
  it('drops or clamps floor(alpha n) at each end', () => {
    // alpha 0.1, n 10: one value per end
    expect(trimmedMean(values, 0.1)).toBeCloseTo((2 + 3 + 4 + 5 + 6 + 7 + 8 + 9) / 8, 12);
    expect(winsorizedMean(values, 0.1)).toBeCloseTo((2 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 9) / 10, 12);
    // alpha 0.29 of 100 values trims 29 per end, not 28 (floating-point floor)
    const hundred = Array.from({ length: 100 }, (_, i) => i);
    expect(trimmedMean(hundred, 0.29)).toBeCloseTo(49.5, 12);
    expect(trimmedMean(values, 0)).toBeCloseTo(mean(values), 12);
    expect(() => trimmedMean(values, 0.5)).toThrow(RangeError);
  });
});
