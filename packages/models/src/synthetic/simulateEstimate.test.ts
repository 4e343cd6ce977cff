import { describe, expect, it } from 'vitest';
import type { SimulationHints } from '../ModelBackend.js';
import { createRng } from '../Rng.js';
import { hashHints } from './hashHints.js';
import { roundingStep } from './roundLikeHuman.js';
import { type SimulatedEstimate, simulateEstimate } from './simulateEstimate.js';
import { resolveSyntheticParameters, SYNTHETIC_PARAMETERS } from './syntheticParameters.js';

const TRUTH = 1194;
const BASE: SimulationHints = { truth: TRUTH, unit: 'mi' };
const KM = { unit: 'km', factor: 0.621371 };
const N = 20_000;

/** N personas with the same hints and different seeds, as the model derives its streams. */
function crowd(hints: SimulationHints, n = N, params = SYNTHETIC_PARAMETERS): SimulatedEstimate[] {
  const out: SimulatedEstimate[] = [];
  for (let seed = 0; seed < n; seed++)
    out.push(simulateEstimate(hints, createRng(hashHints(hints, seed, 0)), params));
  return out;
}

const logs = (answers: readonly SimulatedEstimate[]): number[] =>
  answers.map((a) => Math.log(a.estimate / TRUTH));
const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
};
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
};
const share = <T>(xs: readonly T[], test: (x: T) => boolean): number => xs.filter(test).length / xs.length;
const emotion = (label: string, valence: number, arousal: number, intensity = 1) => ({
  label,
  valence,
  arousal,
  intensity,
});

describe('simulateEstimate: a neutral crowd', () => {
  const answers = crowd(BASE);
  const written = logs(answers);

  it('centres the latent log estimate at ln T + baseLogBias with sd baseLogSd', () => {
    const latent = answers.map((a) => a.logEstimate - Math.log(TRUTH));
    expect(Math.abs(median(latent) - SYNTHETIC_PARAMETERS.baseLogBias)).toBeLessThan(0.015);
    expect(Math.abs(sd(latent) - SYNTHETIC_PARAMETERS.baseLogSd)).toBeLessThan(0.015);
  });

  it('keeps the written answers within the documented bias and spread (rounding heaps the median on 1,000)', () => {
    // docs/synthetic-model.md: median of the written answers is 1,000 mi (ln = -0.177), mean log -0.15.
    expect(median(written)).toBeGreaterThan(-0.19);
    expect(median(written)).toBeLessThan(-0.11);
    expect(Math.abs(mean(written) - SYNTHETIC_PARAMETERS.baseLogBias)).toBeLessThan(0.02);
    expect(Math.abs(sd(written) - SYNTHETIC_PARAMETERS.baseLogSd)).toBeLessThan(0.025);
    expect(sd(written)).toBeGreaterThan(0.4);
    expect(sd(written)).toBeLessThan(0.8);
  });

  it('gives about 80 % round answers (multiples of a twentieth of the leading power of ten)', () => {
    expect(share(answers, (a) => a.rounding === 'exact')).toBeCloseTo(0.2, 1);
    const round = share(answers, (a) => a.value % roundingStep(a.value, 'twentieth') === 0);
    expect(round).toBeGreaterThan(0.78);
    expect(round).toBeLessThan(0.86);
  });

  it('never confuses units when the hints name no confusable unit', () => {
    expect(share(answers, (a) => a.unitConfused)).toBe(0);
    expect(answers.every((a) => a.reportedUnit === 'mi' && a.estimate === a.value)).toBe(true);
  });
});

describe('simulateEstimate: effects of the hints', () => {
  it('narrows and centres the spread with familiarity', () => {
    const novice = logs(crowd({ ...BASE, familiarity: 0 }, 5000));
    const expert = logs(crowd({ ...BASE, familiarity: 1 }, 5000));
    expect(sd(expert)).toBeLessThan(0.45);
    expect(sd(novice)).toBeGreaterThan(0.7);
    expect(Math.abs(mean(expert))).toBeLessThan(Math.abs(mean(novice)) - 0.2);
  });

  it('widens the spread with high arousal and narrows it with calm', () => {
    const aroused = logs(crowd({ ...BASE, emotion: emotion('x', 0, 0.9) }, 5000));
    const calm = logs(crowd({ ...BASE, emotion: emotion('x', 0, -0.9) }, 5000));
    expect(sd(aroused)).toBeGreaterThan(SYNTHETIC_PARAMETERS.baseLogSd * 1.25);
    expect(sd(calm)).toBeLessThan(SYNTHETIC_PARAMETERS.baseLogSd * 0.8);
  });

  it('scales the emotion effect with intensity (zero intensity = neutral)', () => {
    const faintHints = { ...BASE, emotion: emotion('x', 0, 0.9, 0) };
    for (let seed = 0; seed < 2000; seed++) {
      const faint = simulateEstimate(faintHints, createRng(seed));
      const neutral = simulateEstimate(BASE, createRng(seed));
      expect(faint.value).toBe(neutral.value);
      expect(faint.logSd).toBe(neutral.logSd);
    }
  });

  it('moves estimates up with negative valence and down with positive valence', () => {
    const sad = mean(logs(crowd({ ...BASE, emotion: emotion('sadness', -0.8, 0) }, 5000)));
    const joy = mean(logs(crowd({ ...BASE, emotion: emotion('joy', 0.8, 0) }, 5000)));
    const neutral = mean(logs(crowd(BASE, 5000)));
    expect(sad).toBeGreaterThan(neutral + 0.06);
    expect(joy).toBeLessThan(neutral - 0.06);
  });

  it('treats anger as optimistic (Lerner & Keltner 2001) unless switched off', () => {
    const angry = { ...BASE, emotion: emotion('annoyance', -0.8, 0) };
    const optimistic = mean(logs(crowd(angry, 5000)));
    const pessimistic = mean(
      logs(crowd(angry, 5000, resolveSyntheticParameters({ angerIsOptimistic: false }))),
    );
    const neutral = mean(logs(crowd(BASE, 5000)));
    expect(optimistic).toBeLessThan(neutral - 0.06);
    expect(pessimistic).toBeGreaterThan(neutral + 0.06);
  });

  it('correlates confidence with familiarity', () => {
    const low = mean(crowd({ ...BASE, familiarity: 0.1 }, 3000).map((a) => a.confidence));
    const high = mean(crowd({ ...BASE, familiarity: 0.9 }, 3000).map((a) => a.confidence));
    expect(high - low).toBeGreaterThan(0.4);
    const all = crowd({ ...BASE, familiarity: 0.5 }, 3000);
    expect(all.every((a) => a.confidence >= 0.02 && a.confidence <= 0.98)).toBe(true);
  });

  it('rounds less often with high numeracy', () => {
    const numerate = share(crowd({ ...BASE, numeracy: 1 }, 5000), (a) => a.rounding === 'exact');
    const innumerate = share(crowd({ ...BASE, numeracy: 0 }, 5000), (a) => a.rounding === 'exact');
    expect(numerate - innumerate).toBeGreaterThan(0.15);
  });
});

describe('simulateEstimate: unit confusion', () => {
  const answers = crowd({ ...BASE, confusableUnit: KM });

  it('answers in the confusable unit at the documented rate', () => {
    expect(
      Math.abs(share(answers, (a) => a.unitConfused) - SYNTHETIC_PARAMETERS.unitConfusionRate),
    ).toBeLessThan(0.006);
  });

  it('writes the km-ish number labelled km, meaning the same distance', () => {
    const confused = answers.filter((a) => a.unitConfused);
    expect(confused.every((a) => a.reportedUnit === 'km')).toBe(true);
    expect(confused.every((a) => Math.abs(a.estimate - a.value * KM.factor) < 1e-9)).toBe(true);
    // The written km number is larger than the miles it means: the crowd's median km answer is
    // near the miles median / 0.621.
    const kmMedian = median(confused.map((a) => a.value));
    const miMedian = median(answers.filter((a) => !a.unitConfused).map((a) => a.value));
    expect(kmMedian / miMedian).toBeGreaterThan(1.3);
    expect(kmMedian / miMedian).toBeLessThan(2);
  });

  it('confuses units more when unfamiliar', () => {
    const novice = share(crowd({ ...BASE, confusableUnit: KM, familiarity: 0 }), (a) => a.unitConfused);
    const expert = share(crowd({ ...BASE, confusableUnit: KM, familiarity: 1 }), (a) => a.unitConfused);
    expect(novice).toBeGreaterThan(expert * 2);
  });
});

describe('simulateEstimate: social influence', () => {
  it('pulls estimates toward the anchor, then plateaus: diversity falls without collapsing', () => {
    const n = 5000;
    const first = crowd(BASE, n);
    const geometricMean = (xs: readonly SimulatedEstimate[]) =>
      Math.exp(mean(xs.map((a) => Math.log(a.estimate))));
    const revise = (previous: readonly SimulatedEstimate[], round: number) => {
      const anchor = geometricMean(previous);
      return previous.map((a, i) => {
        const hints = {
          ...BASE,
          socialAnchor: anchor,
          previousEstimate: a.estimate,
          revision: round,
          persona: `p${i}`,
        };
        return simulateEstimate(hints, createRng(hashHints(hints, i, round)));
      });
    };
    const rounds = [first];
    for (let r = 1; r <= 4; r++) rounds.push(revise(rounds[r - 1] as SimulatedEstimate[], r));
    const variance = rounds.map((answers) => sd(logs(answers)) ** 2);
    const ratio = variance.map((v) => v / (variance[0] as number));
    expect(ratio[1]).toBeLessThan(0.6);
    // The plateau: after four rounds about a fifth of the log-variance is left (Lorenz et al. 2011:
    // medians 0.22 and 0.26), not the few percent a weighted mean without noise leaves.
    expect(ratio[4]).toBeGreaterThan(0.12);
    expect(ratio[4]).toBeLessThan(0.35);
    expect(Math.abs((ratio[4] as number) - (ratio[3] as number))).toBeLessThan(0.06);
    const second = rounds[1] as SimulatedEstimate[];
    const moved = second.filter((a) => !a.kept);
    expect(moved.every((a) => a.anchorWeight > 0 && a.anchorWeight < 1)).toBe(true);
    expect(mean(moved.map((a) => a.anchorWeight))).toBeGreaterThan(0.45);
    expect(mean(moved.map((a) => a.anchorWeight))).toBeLessThan(0.65);
    // Some keep their answer exactly; the same personas tend to keep again.
    const kept1 = second.map((a) => a.kept);
    expect(kept1.filter(Boolean).length / n).toBeGreaterThan(0.05);
    expect(
      second.filter((a, i) => a.kept && a.estimate === (first[i] as SimulatedEstimate).estimate).length,
    ).toBe(kept1.filter(Boolean).length);
    const third = rounds[2] as SimulatedEstimate[];
    const keepAgain = third.filter((a, i) => a.kept && kept1[i]).length / kept1.filter(Boolean).length;
    const keepAfterMoving =
      third.filter((a, i) => a.kept && !kept1[i]).length / kept1.filter((k) => !k).length;
    expect(keepAgain).toBeGreaterThan(keepAfterMoving + 0.2);
    expect(first.every((a) => a.anchorWeight === 0 && !a.kept)).toBe(true);
    // The collective (geometric mean) barely moves: influence reduces diversity, not error (Lorenz 2011).
    expect(Math.abs(Math.log(geometricMean(second) / geometricMean(first)))).toBeLessThan(0.05);
  });

  it('gives less confident personas a heavier anchor weight', () => {
    const answers = crowd({ ...BASE, socialAnchor: 1500 }, 3000);
    const unsure = answers.filter((a) => a.confidence < 0.4);
    const sure = answers.filter((a) => a.confidence > 0.6);
    expect(mean(unsure.map((a) => a.anchorWeight))).toBeGreaterThan(
      mean(sure.map((a) => a.anchorWeight)) + 0.05,
    );
  });
});
