import { describe, expect, it } from 'vitest';
import { chiSquareSurvival } from './chiSquareDistribution.js';
import { chiSquareTest } from './chiSquareTest.js';
import { fisherExactTest, holmAdjust } from './fisherExactTest.js';
import { logGamma } from './logGamma.js';
import { wilsonInterval } from './wilsonInterval.js';

// Reference values computed with SciPy 1.17 (scipy.special.gammaln, scipy.stats.chi2.sf,
// chi2_contingency(correction=False), fisher_exact, binomtest(...).proportion_ci('wilson')).

describe('logGamma and the chi-square distribution', () => {
  it('match SciPy', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5723649429247, 12);
    expect(logGamma(10.3)).toBeCloseTo(13.482036786138359, 11);
    expect(logGamma(171.2)).toBeCloseTo(707.60092684767, 9);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(chiSquareSurvival(3.2, 1)).toBeCloseTo(0.07363827012030258, 12);
    expect(chiSquareSurvival(10.5, 4)).toBeCloseTo(0.03279698999488366, 12);
    expect(chiSquareSurvival(0.01, 2)).toBeCloseTo(0.9950124791926823, 12);
    expect(chiSquareSurvival(50, 30)).toBeCloseTo(0.01240206071890054, 12);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });
});

describe('chiSquareTest and fisherExactTest on the Becker et al. 2017 counts', () => {
  // crowds whose mean improved from round 1 to 3: decentralized 41/59, centralized 28/59, solo 16/34
  const improved = [
    [41, 18],
    [28, 31],
    [16, 18],
  ];

  it('chi-square of homogeneity matches SciPy', () => {
    const result = chiSquareTest(improved);
    expect(result.statistic).toBeCloseTo(7.205762519290239, 10);
    expect(result.df).toBe(2);
    expect(result.p).toBeCloseTo(0.027245109015689883, 10);
    expect(result.minExpected).toBeCloseTo(14.986842105263158, 10);
    expect(
      chiSquareTest([
        [3, 0],
        [5, 0],
      ]),
    ).toMatchObject({ df: 0, p: 1 });
  });

  it('Fisher exact two-sided matches SciPy, ties included', () => {
    expect(fisherExactTest(41, 18, 28, 31).p).toBeCloseTo(0.024514132732016664, 12);
    expect(fisherExactTest(41, 18, 28, 31).oddsRatio).toBeCloseTo(2.5218253968253967, 12);
    expect(fisherExactTest(41, 18, 16, 18).p).toBeCloseTo(0.04640112637171312, 12);
    expect(fisherExactTest(28, 31, 16, 18).p).toBeCloseTo(1, 12);
    expect(fisherExactTest(41, 18, 13, 21).p).toBeCloseTo(0.004533105366104025, 12);
    expect(fisherExactTest(0, 0, 3, 4).p).toBe(1);
  });

  it('Holm adjusts step-down and keeps the order', () => {
    expect(holmAdjust([0.01, 0.04, 0.03])).toEqual([0.03, 0.06, 0.06]);
    expect(holmAdjust([0.5, 0.9])).toEqual([1, 1]);
  });
});

describe('wilsonInterval', () => {
  it('matches SciPy at 0, inside and at n', () => {
    const at0 = wilsonInterval(0, 200);
    expect(at0.lo).toBe(0);
    expect(at0.hi).toBeCloseTo(0.018845326377266575, 8);
    const mid = wilsonInterval(37, 200);
    expect(mid.lo).toBeCloseTo(0.13730192800616045, 8);
    expect(mid.hi).toBeCloseTo(0.24457062761151752, 8);
    expect(wilsonInterval(200, 200).lo).toBeCloseTo(0.9811546736227335, 8);
    expect(wilsonInterval(200, 200).hi).toBe(1);
    expect(wilsonInterval(1, 3).lo).toBeCloseTo(0.06149194472039626, 8);
    expect(wilsonInterval(0, 0).lo).toBeNaN();
  });
});
