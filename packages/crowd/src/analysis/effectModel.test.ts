import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { twoFactorAnova } from '../stats/twoFactorAnova.js';
import { effectModel, socialConfiguration } from './effectModel.js';
import { effectSizes } from './effectSizes.js';

/** A crowd whose ln(estimate) = emotion effect + region effect + age effect + noise. */
function crowd(n: number, seed: number) {
  const rng = createRng(seed);
  const emotions = ['joy', 'fear', 'anger', 'neutral'];
  const regions = ['west', 'south', 'east'];
  const ages = ['18-29', '30-49', '50+'];
  const emotion: string[] = [];
  const region: string[] = [];
  const age: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = rng.int(emotions.length);
    const r = rng.int(regions.length);
    const a = rng.int(ages.length);
    emotion.push(emotions[e] as string);
    region.push(regions[r] as string);
    age.push(ages[a] as string);
    values.push(Math.exp(7 + 0.05 * e + 0.3 * r - 0.2 * a + 0.5 * rng.normal()));
  }
  return { values, groups: { emotion, region, age } };
}

describe('effectModel', () => {
  const sample = crowd(3000, 4);
  const model = effectModel(sample, { seed: 1 });

  it('fits ln(estimate) on emotion and the joint social configuration, Type II', () => {
    expect(model).toBeDefined();
    expect(model?.socialDimensions).toEqual(['region', 'age']);
    expect(model?.terms.map((t) => [t.factor, t.levels])).toEqual([
      ['emotion', 4],
      ['socialConfiguration', 9],
    ]);
    const joint = sample.groups.region.map((r, i) => `${r} | ${sample.groups.age[i]}`);
    const direct = twoFactorAnova(sample.values.map(Math.log), sample.groups.emotion, joint);
    expect(model?.terms[0]?.partialEta2).toBeCloseTo(direct.a.partialEta2, 12);
    expect(model?.terms[1]?.partialOmega2).toBeCloseTo(direct.b.partialOmega2, 12);
    expect(model?.dfResidual).toBe(3000 - 4 - 9 + 1);
    // the social effects put in are much larger than the emotion effect
    expect(model?.terms[1]?.partialEta2).toBeGreaterThan(5 * (model?.terms[0]?.partialEta2 ?? 1));
  });

  it('gives a bootstrap interval of the population effect size, reproducible from the seed', () => {
    for (const term of model?.terms ?? []) {
      const [lo, hi] = term.interval ?? [Number.NaN, Number.NaN];
      expect(lo).toBeLessThan(hi);
      // nearly unbiased omega² inside
      expect(lo).toBeLessThan(term.partialOmega2);
      expect(hi).toBeGreaterThan(term.partialOmega2);
    }
    expect(effectModel(sample, { seed: 1 })).toEqual(model);
    expect(effectModel(sample, { seed: 2 })?.terms[0]?.interval).not.toEqual(model?.terms[0]?.interval);
    expect(model?.bootstrap).toEqual({ resamples: 200, level: 0.95 });
  });

  it('covers the population partial effect size at about the nominal rate (Monte Carlo over designs)', () => {
    // 60 crowds from one model with known effects (10 emotions x 30 configurations, 2 answers a
    // cell, noise sd 0.5); the population partial effect size of a factor is the variance of its
    // effects / (that + 0.25). Coverage of a 95% interval over 60 crowds: 57 expected (sd 1.7).
    const rng = createRng(21);
    const a = Array.from({ length: 10 }, () => 0.1 * rng.normal());
    const b = Array.from({ length: 30 }, () => 0.2 * rng.normal());
    const share = (e: number[]) => {
      const m = e.reduce((s, x) => s + x, 0) / e.length;
      const v = e.reduce((s, x) => s + (x - m) ** 2, 0) / e.length;
      return v / (v + 0.25);
    };
    const truths = [share(a), share(b)];
    const covered = [0, 0];
    for (let d = 0; d < 60; d++) {
      const values: number[] = [];
      const emotion: string[] = [];
      const region: string[] = [];
      for (let i = 0; i < 10; i++)
        for (let j = 0; j < 30; j++)
          for (let r = 0; r < 2; r++) {
            values.push(Math.exp((a[i] as number) + (b[j] as number) + 0.5 * rng.normal()));
            emotion.push(`e${i}`);
            region.push(`s${j}`);
          }
      const fit = effectModel({ values, groups: { emotion, region } }, { seed: d, resamples: 100 });
      fit?.terms.forEach((term, k) => {
        const t = truths[k] as number;
        if (term.interval && term.interval[0] <= t && t <= term.interval[1])
          covered[k] = (covered[k] as number) + 1;
      });
    }
    for (const c of covered) expect(c).toBeGreaterThanOrEqual(52);
  });

  it('adds the joint factor to the one-way figures and needs both sides to vary', () => {
    const oneWay = effectSizes(sample);
    expect(oneWay.map((e) => e.dimension).sort()).toEqual([
      'age',
      'emotion',
      'region',
      'socialConfiguration',
    ]);
    expect(
      effectModel({ values: sample.values, groups: { emotion: sample.groups.emotion } }),
    ).toBeUndefined();
    expect(effectModel({ values: sample.values, groups: { region: sample.groups.region } })).toBeUndefined();
    const withZero = effectModel(
      { ...sample, values: [0, -3, ...sample.values.slice(2)] },
      { resamples: 10 },
    );
    expect(withZero?.dropped).toBe(2);
    expect(withZero?.n).toBe(2998);
    // 40 answers over 9 social configurations: 4.4 a level, too few for an interval
    const few = effectModel({
      values: sample.values.slice(0, 40),
      groups: {
        emotion: sample.groups.emotion.slice(0, 40),
        region: sample.groups.region.slice(0, 40),
        age: sample.groups.age.slice(0, 40),
      },
    });
    expect(few?.terms[1]?.interval).toBeNull();
  });
});

describe('socialConfiguration', () => {
  it('joins each answer\'s social labels with " | " (as a join per answer does) on the Becker, Porter & Centola rows', () => {
    const path = crowdDataPath('becker_porter_centola2019_partisan_crowds.csv');
    const table = parseCsvTable(readFileSync(path, 'utf8'), path);
    const column = (name: string): string[] => {
      const j = table.columns.indexOf(name);
      expect(j, name).toBeGreaterThanOrEqual(0);
      return table.rows.map((row) => String(row[j]));
    };
    const groups = {
      emotion: column('q'),
      party: column('party'),
      network: column('network'),
      set: column('set'),
    };
    const sample = { values: table.rows.map(() => 1), groups };
    const social = socialConfiguration(sample);
    expect(social?.dimensions).toEqual(['party', 'network', 'set']);
    const naive = sample.values.map((_, i) => `${groups.party[i]} | ${groups.network[i]} | ${groups.set[i]}`);
    expect(social?.labels).toEqual(naive);
    expect(new Set(naive).size).toBeGreaterThan(2);
    // computed once per sample
    expect(socialConfiguration(sample)).toBe(social);
    expect(socialConfiguration({ values: [1, 2], groups: { emotion: ['a', 'b'] } })).toBeUndefined();
  });
});
