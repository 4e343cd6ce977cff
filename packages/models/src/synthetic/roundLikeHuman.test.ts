import { describe, expect, it } from 'vitest';
import { roundingStep, roundLikeHuman } from './roundLikeHuman.js';

describe('roundLikeHuman', () => {
  it('rounds to the grain of each mode', () => {
    expect(roundLikeHuman(1234, 'exact')).toBe(1234);
    expect(roundLikeHuman(1234.6, 'exact')).toBe(1235);
    expect(roundLikeHuman(1234, 'twentieth')).toBe(1250);
    expect(roundLikeHuman(1234, 'twoSignificant')).toBe(1200);
    expect(roundLikeHuman(1234, 'coarse')).toBe(1000);
    expect(roundLikeHuman(1300, 'coarse')).toBe(1500);
    expect(roundLikeHuman(873, 'twentieth')).toBe(875);
    expect(roundLikeHuman(87.34, 'exact')).toBe(87.3);
  });

  it('cleans binary noise below 1 and never rounds a positive value to 0', () => {
    expect(roundLikeHuman(0.1512, 'twentieth')).toBe(0.15);
    expect(roundLikeHuman(0.0123, 'twoSignificant')).toBe(0.012);
    for (let x = 0.01; x < 100000; x *= 1.37) {
      for (const mode of ['exact', 'twentieth', 'twoSignificant', 'coarse'] as const) {
        expect(roundLikeHuman(x, mode)).toBeGreaterThan(0);
      }
    }
  });

  it('leaves non-positive and non-finite values alone', () => {
    expect(roundLikeHuman(0, 'coarse')).toBe(0);
    expect(roundLikeHuman(-5, 'coarse')).toBe(-5);
    expect(roundLikeHuman(Number.POSITIVE_INFINITY, 'coarse')).toBe(Number.POSITIVE_INFINITY);
  });

  it('reports the step', () => {
    expect(roundingStep(1234, 'twentieth')).toBe(50);
    expect(roundingStep(56, 'exact')).toBe(0.1);
  });
});
