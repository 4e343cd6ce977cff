import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { etaSquared } from './etaSquared.js';
import { twoFactorAnova, twoFactorDesign } from './twoFactorAnova.js';

describe('twoFactorAnova', () => {
  // Becker et al. 2017, round 1: ln(response_1 / truth) by network (3) and task (34), unbalanced.
  const table = parseCsvTable(readFileSync(crowdDataPath('becker_2017.csv'), 'utf8'), 'becker');
  const col = (name: string) => table.columns.indexOf(name);
  const y: number[] = [];
  const network: string[] = [];
  const task: string[] = [];
  for (const row of table.rows) {
    const x = Number(row[col('response_1')]);
    const t = Number(row[col('truth')]);
    if (!(x > 0 && Number.isFinite(x))) continue;
    y.push(Math.log(x / t));
    network.push(String(row[col('network')]));
    task.push(String(row[col('task')]));
  }

  it('gives the Type II sums of squares and partial effect sizes of a least-squares fit (NumPy lstsq)', () => {
    // NumPy: RSS of dummy-coded models by numpy.linalg.lstsq, df by matrix_rank;
    // SS_network = RSS(task) - RSS(both), SS_task = RSS(network) - RSS(both).
    const result = twoFactorAnova(y, network, task);
    expect(result.n).toBe(5674);
    expect(result.dfResidual).toBe(5638);
    expect(result.ssResidual).toBeCloseTo(1776.0698723164032, 7);
    expect(result.ssTotal).toBeCloseTo(2619.908437526492, 7);
    expect(result.a).toMatchObject({ levels: 3, df: 2 });
    expect(result.a.ss).toBeCloseTo(3.6680621927398533, 8);
    expect(result.a.partialEta2).toBeCloseTo(0.002061012535394159, 10);
    expect(result.a.partialOmega2).toBeCloseTo(0.001696796474199995, 10);
    expect(result.b).toMatchObject({ levels: 34, df: 33 });
    expect(result.b.ss).toBeCloseTo(795.1301585560163, 7);
    expect(result.b.partialEta2).toBeCloseTo(0.30924476859399586, 10);
    expect(result.b.partialOmega2).toBeCloseTo(0.30508954524623483, 10);
  });

  it('does not depend on the order of the factors, and a balanced design gives the one-way figures', () => {
    const swapped = twoFactorAnova(y, task, network);
    expect(swapped.a.ss).toBeCloseTo(twoFactorAnova(y, network, task).b.ss, 8);
    // 2 x 3 fully crossed, two observations per cell: Type II = one-way sums of squares
    const values = [1, 2, 3, 5, 4, 6, 2, 2, 7, 9, 1, 3];
    const a = ['x', 'x', 'x', 'x', 'x', 'x', 'y', 'y', 'y', 'y', 'y', 'y'];
    const b = ['p', 'p', 'q', 'q', 'r', 'r', 'p', 'p', 'q', 'q', 'r', 'r'];
    const anova = twoFactorAnova(values, a, b);
    expect(anova.a.ss).toBeCloseTo(etaSquared(values, a).ssBetween, 10);
    expect(anova.b.ss).toBeCloseTo(etaSquared(values, b).ssBetween, 10);
    expect(anova.dfResidual).toBe(12 - 2 - 3 + 1);
  });

  it('counts the connected components of a design in the degrees of freedom', () => {
    // levels {x, y} only meet {p, q}, {z} only meets {r}: two components
    const values = [1, 2, 4, 3, 8, 9, 10, 12, 7];
    const a = ['x', 'x', 'y', 'y', 'z', 'z', 'z', 'x', 'y'];
    const b = ['p', 'q', 'p', 'q', 'r', 'r', 'r', 'p', 'q'];
    const anova = twoFactorAnova(values, a, b);
    expect(anova.a.df).toBe(3 - 2);
    expect(anova.b.df).toBe(3 - 2);
    expect(anova.dfResidual).toBe(9 - 3 - 3 + 2);
  });

  it('fits a weighted resample like the data it repeats', () => {
    const design = twoFactorDesign(y.slice(0, 300), network.slice(0, 300), task.slice(0, 300));
    const weights = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 2 : i % 3 === 1 ? 0 : 1));
    const repeated: number[] = [];
    const ra: string[] = [];
    const rb: string[] = [];
    weights.forEach((w, i) => {
      for (let t = 0; t < w; t++) {
        repeated.push(y[i] as number);
        ra.push(network[i] as string);
        rb.push(task[i] as string);
      }
    });
    const direct = twoFactorAnova(repeated, ra, rb);
    const weighted = design.fit(weights);
    expect(weighted.b.ss).toBeCloseTo(direct.b.ss, 9);
    expect(weighted.dfResidual).toBe(direct.dfResidual);
  });

  it('gives a replicate the partial eta² of its full fit, whichever factor is larger', () => {
    const rng = createRng('eta2');
    const a = Array.from({ length: 60 }, (_, i) => `a${i % 4}`);
    const b = Array.from({ length: 60 }, (_, i) => `b${(i * 7) % 9}`);
    const values = Array.from({ length: 60 }, () => rng.normal());
    for (const [first, second] of [
      [a, b],
      [b, a],
    ] as const) {
      const design = twoFactorDesign(values, first, second);
      for (let r = 0; r < 5; r++) {
        const weights = new Uint32Array(60);
        for (let i = 0; i < 60; i++) (weights[rng.int(60)] as number)++;
        const fit = design.fit(weights);
        expect(design.partialEta2(weights)).toEqual({ a: fit.a.partialEta2, b: fit.b.partialEta2 });
      }
      // too few observations for a residual: NaN as in the fit
      const sparse = new Uint32Array(60);
      sparse[0] = 1;
      sparse[1] = 1;
      const fit = design.fit(sparse);
      expect(design.partialEta2(sparse)).toEqual({ a: fit.a.partialEta2, b: fit.b.partialEta2 });
    }
  });
});
