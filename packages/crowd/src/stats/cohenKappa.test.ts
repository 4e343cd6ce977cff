import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohenKappa.js';

describe('cohenKappa', () => {
  // Two raters, 50 items: both yes 20, first yes / second no 5, first no / second yes 10, both no
  // 15 (the worked example of Cohen's kappa on Wikipedia: p_o = 0.7, p_e = 0.5, kappa = 0.4).
  const first = [...Array(25).fill('yes'), ...Array(25).fill('no')] as string[];
  const second = [
    ...Array(20).fill('yes'),
    ...Array(5).fill('no'),
    ...Array(10).fill('yes'),
    ...Array(15).fill('no'),
  ] as string[];

  it('gives the textbook value, and its bootstrap interval as numpy resampling does', () => {
    const k = cohenKappa(first, second, { rng: createRng(1), resamples: 5000 });
    expect(k.categories).toEqual(['no', 'yes']);
    expect(k.table).toEqual([
      [15, 10],
      [5, 20],
    ]);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.expected).toBeCloseTo(0.5, 12);
    expect(k.kappa).toBeCloseTo(0.4, 12);
    // numpy: 50,000 resamples of the 50 pairs (default_rng(3)): 2.5% and 97.5% quantiles 0.142 and 0.639.
    expect(Math.abs(k.lower - 0.142)).toBeLessThan(0.03);
    expect(Math.abs(k.upper - 0.639)).toBeLessThan(0.03);
  });

  it('handles several categories as a confusion-matrix computation does', () => {
    // numpy: M = confusion matrix, p_o = trace(M)/n, p_e = rowsums . colsums / n^2 -> 0.5488721804511277
    const k = cohenKappa([...'aabbccabcaabbbccaccb'], [...'abbbccacbaabcbcbaacb'], { resamples: 0 });
    expect(k.kappa).toBeCloseTo(0.5488721804511277, 12);
    expect(k.expected).toBeCloseTo(0.335, 12);
    expect(k.lower).toBeNaN();
  });

  it('is undefined when both raters use one category, and for no items', () => {
    const same = cohenKappa(['ok', 'ok'], ['ok', 'ok'], { rng: createRng(1), resamples: 10 });
    expect(same.observed).toBe(1);
    expect(same.kappa).toBeNaN();
    expect(same.undefinedResamples).toBe(10);
    expect(cohenKappa([], []).kappa).toBeNaN();
    expect(cohenKappa(['a'], ['b'], { resamples: 0 }).kappa).toBe(0);
    expect(() => cohenKappa(['a'], ['a', 'b'])).toThrow(/1 ratings against 2/);
  });
});
