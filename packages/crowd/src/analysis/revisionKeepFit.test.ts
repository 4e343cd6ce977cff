import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { SYNTHETIC_PARAMETERS } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { parseEstimateCell } from '../import/parseEstimateCell.js';

/**
 * Recomputes, from the shipped becker_2017.csv, the synthetic model's rule for keeping a previous
 * answer (`keepBase`, `keepGapSlope`, `keepLaterRevision`, `keepPersonaSd`; docs/synthetic-model.md,
 * "Revision rule: fit and residuals"): a logistic model with a persona random effect, fitted by
 * maximum likelihood with Gauss–Hermite quadrature and Nelder–Mead, both written here.
 */

const num = (cell: unknown): number => {
  const v = parseEstimateCell((cell ?? null) as string | null);
  return typeof v === 'number' ? v : Number.NaN;
};

/** One revision: the log gap to what was shown, whether it was the second, whether the answer was kept. */
interface Revision {
  gap: number;
  later: number;
  kept: boolean;
}

/** Each networked participant's revisions with a positive answer and a shown mean different from it. */
function beckerRevisions(): Revision[][] {
  const t = parseCsvTable(readFileSync(crowdDataPath('becker_2017.csv'), 'utf8'), 'becker_2017.csv');
  const at = (c: string) => t.columns.indexOf(c);
  const people: Revision[][] = [];
  for (const row of t.rows) {
    if (row[at('network')] === 'Solo') continue;
    const x = [1, 2, 3].map((r) => num(row[at(`response_${r}`)]));
    const shown = [1, 2].map((r) => num(row[at(`mean.neighbor.time${r}`)]));
    const revisions: Revision[] = [];
    for (const r of [0, 1]) {
      const before = x[r] as number;
      const anchor = shown[r] as number;
      const after = x[r + 1] as number;
      if (!(before > 0 && anchor > 0 && Number.isFinite(after)) || anchor === before) continue;
      revisions.push({ gap: Math.abs(Math.log(anchor / before)), later: r, kept: after === before });
    }
    if (revisions.length > 0) people.push(revisions);
  }
  return people;
}

/** Gauss–Hermite nodes and weights (weight e^(-x²)) by Newton's method on the recurrence (Numerical Recipes, gauher). */
function gaussHermite(n: number): { x: number[]; w: number[] } {
  const x = new Array<number>(n).fill(0);
  const w = new Array<number>(n).fill(0);
  let z = 0;
  for (let i = 0; i < (n + 1) >> 1; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * (x[0] as number);
    else if (i === 3) z = 1.91 * z - 0.91 * (x[1] as number);
    else z = 2 * z - (x[i - 2] as number);
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = Math.PI ** -0.25;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / j) * p2 - Math.sqrt((j - 1) / j) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const step = p1 / pp;
      z -= step;
      if (Math.abs(step) < 1e-14) break;
    }
    x[i] = z;
    x[n - 1 - i] = -z;
    w[i] = 2 / (pp * pp);
    w[n - 1 - i] = w[i] as number;
  }
  return { x, w };
}

/** Minimises f from `start` by Nelder–Mead (reflection 1, expansion 2, contraction ½, shrink ½). */
function nelderMead(f: (p: number[]) => number, start: number[], step = 0.5): { p: number[]; value: number } {
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((p) => ({
    p,
    value: f(p),
  }));
  const combine = (a: number[], b: number[], t: number) => a.map((v, i) => v + t * ((b[i] as number) - v));
  for (let iter = 0; iter < 5000; iter++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0] as { p: number[]; value: number };
    const worst = simplex[simplex.length - 1] as { p: number[]; value: number };
    if (worst.value - best.value < 1e-9) break;
    const rest = simplex.slice(0, -1);
    const centroid = start.map((_, i) => rest.reduce((s, v) => s + (v.p[i] as number), 0) / rest.length);
    const reflected = combine(centroid, worst.p, -1);
    const fr = f(reflected);
    const second = simplex[simplex.length - 2] as { value: number };
    if (fr < best.value) {
      const expanded = combine(centroid, worst.p, -2);
      const fe = f(expanded);
      simplex[simplex.length - 1] = fe < fr ? { p: expanded, value: fe } : { p: reflected, value: fr };
    } else if (fr < second.value) {
      simplex[simplex.length - 1] = { p: reflected, value: fr };
    } else {
      const contracted = combine(centroid, worst.p, 0.5);
      const fc = f(contracted);
      if (fc < worst.value) simplex[simplex.length - 1] = { p: contracted, value: fc };
      else
        simplex = simplex.map((v, i) => {
          if (i === 0) return v;
          const p = combine(best.p, v.p, 0.5);
          return { p, value: f(p) };
        });
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return simplex[0] as { p: number[]; value: number };
}

/** Negative log-likelihood of [base, gapSlope, laterRevision, personaSd] with a 30-node quadrature. */
function negativeLogLikelihood(people: Revision[][]): (p: number[]) => number {
  const { x, w } = gaussHermite(30);
  const logWeights = w.map((v) => Math.log(v / Math.sqrt(Math.PI)));
  // log P(kept) = -log(1 + e^-eta), log P(moved) = -log(1 + e^eta)
  const logLogistic = (eta: number) =>
    eta > 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
  return ([base, gapSlope, later, sd]) => {
    let total = 0;
    const terms = new Array<number>(x.length);
    for (const revisions of people) {
      let top = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < x.length; k++) {
        const u = Math.SQRT2 * Math.abs(sd as number) * (x[k] as number);
        let log = logWeights[k] as number;
        for (const r of revisions) {
          const eta = (base as number) + (gapSlope as number) * r.gap + (later as number) * r.later + u;
          log += r.kept ? logLogistic(eta) : logLogistic(-eta);
        }
        terms[k] = log;
        if (log > top) top = log;
      }
      total += top + Math.log(terms.reduce((s, v) => s + Math.exp(v - top), 0));
    }
    return -total;
  };
}

describe('the synthetic model’s keeping rule, refitted to Becker et al. 2017', () => {
  const people = beckerRevisions();

  it('uses the 8,373 revisions of 4,399 networked participants (row = participant x question)', () => {
    expect(people).toHaveLength(4399);
    expect(people.reduce((s, r) => s + r.length, 0)).toBe(8373);
    const { x, w } = gaussHermite(30);
    // ∫ e^(-x²) dx = √π and ∫ x² e^(-x²) dx = √π / 2
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(Math.sqrt(Math.PI), 10);
    expect(w.reduce((s, v, i) => s + v * (x[i] as number) ** 2, 0)).toBeCloseTo(Math.sqrt(Math.PI) / 2, 10);
  });

  it('recovers keepBase, keepGapSlope, keepLaterRevision and keepPersonaSd by maximum likelihood', () => {
    const nll = negativeLogLikelihood(people);
    const fit = nelderMead(nll, [0, 0, 0, 1]);
    const [base, gapSlope, later, sd] = fit.p as [number, number, number, number];
    // SciPy (numpy.polynomial.hermite.hermgauss(30), scipy.optimize.minimize Nelder-Mead, the same
    // selection): -1.48697, -1.73041, 0.95374, 1.82843 with -log L = 4462.547.
    expect(fit.value).toBeCloseTo(4462.547, 1);
    expect(base).toBeCloseTo(-1.48697, 2);
    expect(gapSlope).toBeCloseTo(-1.73041, 2);
    expect(later).toBeCloseTo(0.95374, 2);
    expect(Math.abs(sd)).toBeCloseTo(1.82843, 2);
    // The shipped parameters are this fit, rounded.
    expect(SYNTHETIC_PARAMETERS.keepBase).toBeCloseTo(base, 2);
    expect(SYNTHETIC_PARAMETERS.keepGapSlope).toBeCloseTo(gapSlope, 2);
    expect(SYNTHETIC_PARAMETERS.keepLaterRevision).toBeCloseTo(later, 2);
    expect(SYNTHETIC_PARAMETERS.keepPersonaSd).toBeCloseTo(Math.abs(sd), 2);
    // Without the second-revision term the likelihood is 103 log units worse (SciPy: 103.35).
    const withoutRound = nelderMead(
      (p) => nll([p[0] as number, p[1] as number, 0, p[2] as number]),
      [0, 0, 1],
    );
    expect(withoutRound.value - fit.value).toBeCloseTo(103.35, 0);
  }, 180_000);
});
