import { describe, expect, it } from 'vitest';
import { createRng } from '../Rng.js';
import { fitLogisticRegression, type SparseRows } from './fitLogisticRegression.js';

function toRows(dense: number[][]): SparseRows {
  const indptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of dense) {
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    indptr.push(indices.length);
  }
  return {
    rows: dense.length,
    cols: dense[0]?.length ?? 0,
    indptr: Int32Array.from(indptr),
    indices: Int32Array.from(indices),
    values: Float32Array.from(values),
  };
}

describe('fitLogisticRegression', () => {
  it('recovers the separating direction of each class (one-vs-rest)', () => {
    const rng = createRng(5);
    const dense: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = rng.normal();
      const b = rng.normal();
      dense.push([a, b, 0.1 * rng.normal()]);
      y.push(a > 0 ? 1 : 0, b > 0.5 ? 1 : 0);
    }
    const fit = fitLogisticRegression(toRows(dense), Uint8Array.from(y), 2, { l2: 0.1 });
    const w = (j: number, k: number) => fit.weights[j * 2 + k] as number;
    expect(w(0, 0)).toBeGreaterThan(5);
    expect(Math.abs(w(1, 0))).toBeLessThan(0.3 * w(0, 0));
    expect(w(1, 1)).toBeGreaterThan(5);
    expect(fit.bias[1]).toBeLessThan(-1); // threshold at b = 0.5
    let correct = 0;
    dense.forEach((row, i) => {
      const z = (fit.bias[0] as number) + row.reduce((s, v, j) => s + v * w(j, 0), 0);
      if (z > 0 === (y[2 * i] === 1)) correct++;
    });
    expect(correct / 400).toBeGreaterThan(0.97);
  });

  it('matches the closed-form optimum of a tiny problem', () => {
    // two identical rows, one positive and one negative: the optimum is w = b = 0
    const fit = fitLogisticRegression(toRows([[1], [1]]), Uint8Array.from([1, 0]), 1, { l2: 1 });
    expect(fit.weights[0]).toBeCloseTo(0, 6);
    expect(fit.bias[0]).toBeCloseTo(0, 6);
    // four identical rows, three positive, almost no penalty: the fitted probability is 3/4
    const shrunk = fitLogisticRegression(toRows([[1], [1], [1], [1]]), Uint8Array.from([1, 1, 1, 0]), 1, {
      l2: 1e-6,
    });
    const p = 1 / (1 + Math.exp(-((shrunk.weights[0] as number) + (shrunk.bias[0] as number))));
    expect(p).toBeCloseTo(0.75, 4);
  });
});
