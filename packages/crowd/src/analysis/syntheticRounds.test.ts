import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng, hashHints, resolveSyntheticParameters, simulateEstimate } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { parseEstimateCell } from '../import/parseEstimateCell.js';
import { median } from '../stats/median.js';
import { quantile } from '../stats/quantile.js';
import { variance } from '../stats/variance.js';

/**
 * The synthetic model's revision rule (packages/models/src/synthetic/simulateEstimate.ts) run
 * from the human crowds' own first answers and compared with what the people did next: the
 * residuals docs/synthetic-model.md reports ("Revision rule: fit and residuals").
 */

const table = (name: string) => parseCsvTable(readFileSync(crowdDataPath(name), 'utf8'), name);
const num = (cell: unknown): number => {
  const v = parseEstimateCell((cell ?? null) as string | null);
  return typeof v === 'number' ? v : Number.NaN;
};

/** Lorenz et al. 2011: the E1 answers (> 0) of each session x question of one condition. */
function lorenzSessions(condition: string): { key: string; truth: number; first: number[] }[] {
  const t = table('lorenz_2011.csv');
  const at = (c: string) => t.columns.indexOf(c);
  const groups = new Map<string, { key: string; truth: number; first: number[] }>();
  for (const row of t.rows) {
    if (row[at('Information_Condition')] !== condition) continue;
    const key = `${row[at('Session_Date')]}:${row[at('Question')]}`;
    const g = groups.get(key) ?? { key, truth: num(row[at('Truth')]), first: [] };
    const x = num(row[at('E1')]);
    if (x > 0) g.first.push(x);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** Median over sessions of var(ln x_r) / var(ln x_1), after each of four simulated revisions. */
function simulateLorenz(condition: 'aggregated' | 'full', seed: number): number[] {
  const ratios: number[][] = [[], [], [], []];
  for (const session of lorenzSessions(condition)) {
    const logs0 = session.first.map(Math.log);
    const v0 = variance(logs0);
    // each person's own spread: the session's, so the rule's noise has the people's scale
    const params = resolveSyntheticParameters({ baseLogSd: Math.sqrt(v0) });
    let x = [...session.first];
    for (let r = 1; r <= 4; r++) {
      x = x.map((own, i) => {
        const others = x.filter((_, j) => j !== i);
        // aggregated: the mean of the others' answers; full: all of them, whose median the model reads
        const anchor =
          condition === 'aggregated' ? others.reduce((s, v) => s + v, 0) / others.length : median(others);
        const hints = {
          truth: session.truth,
          unit: '',
          socialAnchor: anchor,
          previousEstimate: own,
          revision: r,
          persona: `${seed}:${session.key}:${i}`,
        };
        return simulateEstimate(hints, createRng(hashHints(hints, seed * 1000 + i, r)), params).estimate;
      });
      (ratios[r - 1] as number[]).push(variance(x.map(Math.log)) / v0);
    }
  }
  return ratios.map((r) => median(r));
}

describe('the synthetic revision rule against Lorenz et al. 2011', () => {
  it('plateaus: median log-variance ratio after four revisions near the sessions’ own', () => {
    // Human (roundAnalysis.test.ts): aggregated 0.328, 0.289, 0.234, 0.219; full 0.401, 0.314, 0.236, 0.256.
    const runs = (condition: 'aggregated' | 'full') => {
      const each = [1, 2, 3, 4, 5, 6].map((seed) => simulateLorenz(condition, seed));
      return [0, 1, 2, 3].map((r) => each.reduce((s, e) => s + (e[r] as number), 0) / each.length);
    };
    const aggregated = runs('aggregated');
    const full = runs('full');
    // Model (6 runs of the 24 sessions each): aggregated 0.372, 0.244, 0.185, 0.186; full 0.375,
    // 0.223, 0.201, 0.195. Without the noise of a revision (revisionNoiseShare 0) it falls to a
    // few percent, as the rule before this fit did (0.05 of round 0 after four rounds).
    const human = { aggregated: [0.328, 0.289, 0.234, 0.219], full: [0.401, 0.314, 0.236, 0.256] };
    for (const [model, people] of [
      [aggregated, human.aggregated],
      [full, human.full],
    ] as const) {
      model.forEach((v, r) => {
        expect(Math.abs(v - (people[r] as number))).toBeLessThan(0.1);
      });
    }
    expect(Math.abs((aggregated[3] as number) - (aggregated[2] as number))).toBeLessThan(0.03);
  });
});

describe('the synthetic revision rule against Becker et al. 2017', () => {
  // People in a network with a first answer, what they were shown, and what they answered next.
  const t = table('becker_2017.csv');
  const at = (c: string) => t.columns.indexOf(c);
  const people = t.rows
    .filter((row) => row[at('network')] !== 'Solo')
    .map((row) => ({
      x: [num(row[at('response_1')]), num(row[at('response_2')]), num(row[at('response_3')])],
      shown: [num(row[at('mean.neighbor.time1')]), num(row[at('mean.neighbor.time2')])],
      truth: num(row[at('truth')]),
    }))
    .filter(
      (p) => [...p.x, ...p.shown].every((v) => v > 0) && p.shown[0] !== p.x[0] && p.shown[1] !== p.x[1],
    );

  it('keeps answers as often as people did, and the same people keep again', () => {
    const human = { first: 0, second: 0, again: 0, kept: 0 };
    const model = { first: 0, second: 0, again: 0, kept: 0 };
    people.forEach((p, i) => {
      const h1 = p.x[1] === p.x[0];
      const h2 = p.x[2] === p.x[1];
      human.first += Number(h1);
      human.second += Number(h2);
      human.kept += Number(h1);
      human.again += Number(h1 && h2);
      const decide = (t: 0 | 1) => {
        const hints = {
          truth: p.truth,
          unit: '',
          socialAnchor: p.shown[t] as number,
          previousEstimate: p.x[t] as number,
          revision: t + 1,
          persona: `becker:${i}`,
        };
        return simulateEstimate(hints, createRng(hashHints(hints, i, t + 1))).kept;
      };
      const m1 = decide(0);
      const m2 = decide(1);
      model.first += Number(m1);
      model.second += Number(m2);
      model.kept += Number(m1);
      model.again += Number(m1 && m2);
    });
    const n = people.length;
    // People (3,974 with both revisions): 765 kept at the first, 1,372 at the second, 496 of the
    // 765 again; the rule: 786, 1,361, 510.
    // Human: 19.3% keep at the first revision, 34.5% at the second, 64.8% of first keepers again.
    expect(Math.abs(model.first / n - human.first / n)).toBeLessThan(0.03);
    expect(Math.abs(model.second / n - human.second / n)).toBeLessThan(0.03);
    expect(Math.abs(model.again / model.kept - human.again / human.kept)).toBeLessThan(0.06);
  });

  it('moves the others about as far towards what they were shown', () => {
    const human: number[] = [];
    const model: number[] = [];
    people.forEach((p, i) => {
      if (p.x[1] === p.x[0]) return;
      const logW = (after: number) =>
        (Math.log(after) - Math.log(p.x[0] as number)) /
        (Math.log(p.shown[0] as number) - Math.log(p.x[0] as number));
      human.push(logW(p.x[1] as number));
      const sd = 0.6; // a typical log-sd of Becker's first answers
      const hints = {
        truth: p.truth,
        unit: '',
        socialAnchor: p.shown[0] as number,
        previousEstimate: p.x[0] as number,
        revision: 1,
        persona: `becker:${i}`,
      };
      const answer = simulateEstimate(
        hints,
        createRng(hashHints(hints, i, 7)),
        resolveSyntheticParameters({ baseLogSd: sd }),
      );
      if (!answer.kept && answer.estimate !== p.x[0]) model.push(logW(answer.estimate));
    });
    const q = (xs: number[]) => [0.25, 0.5, 0.75].map((p) => quantile(xs, p)) as [number, number, number];
    // People: quartiles of the log-scale weight 0.24, 0.47, 0.76; the rule: 0.18, 0.59, 1.04. The
    // rule's movers scatter more: the noise that keeps Lorenz's crowds from collapsing also
    // widens these weights (a residual docs/synthetic-model.md reports).
    const [h25, h50, h75] = q(human);
    const [m25, m50, m75] = q(model);
    expect(Math.abs(m50 - h50)).toBeLessThan(0.15);
    expect(m75 - m25).toBeGreaterThan(h75 - h25);
    expect(m75 - m25).toBeLessThan(1.8 * (h75 - h25));
  });
});
