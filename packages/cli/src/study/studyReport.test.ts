import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContrastMetric, StudyReport } from '@emocrowd/crowd';
import { createRng } from '@emocrowd/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

/**
 * The contrast numbers of `emocrowd study report` against an independent computation from the
 * cells' responses.jsonl, read here as plain JSON lines: the answers paired by persona index and
 * replicate with a Map, the aggregates and spreads computed with sorts and sums written in this
 * file, the p-values by a sign-flip randomisation test with its own seeded stream, the intervals
 * against the normal-theory interval of a paired mean, Holm's adjustment by the step-down loop.
 */

// Two conditions paired by persona (same seed), and a third cell with another seed: unpaired.
const STUDY = `name: verify
task: fargo-seattle
personas: 300
subsets: 10
strategies: [mean, median, geometricMean]
cells:
  - { name: emotion, condition: emotion, seed: 42 }
  - { name: social, condition: social, seed: 42 }
  - { name: emotion-7, condition: emotion, seed: 7 }
contrasts:
  - { name: paired, a: emotion, b: social }
  - { name: unpaired, a: emotion, b: emotion-7 }
report:
  bootstrap: 2000
  permutations: 2000
`;
const TRUTH = 1194;

let cwd = '';
let report: StudyReport;

/** Estimates of a cell's answers with a number, by `personaIndex:replicate`, straight from the file. */
function answers(cell: string): Map<string, number> {
  const out = new Map<string, number>();
  const text = readFileSync(join(cwd, 'runs', 'verify', cell, 'responses.jsonl'), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as {
      personaIndex: number;
      replicate: number;
      status: string;
      estimate?: number;
    };
    if (r.status === 'ok' && typeof r.estimate === 'number')
      out.set(`${r.personaIndex}:${r.replicate}`, r.estimate);
  }
  return out;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const avg = (xs: readonly number[]) => sum(xs) / xs.length;
function med(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}
const geo = (xs: readonly number[]) => Math.exp(avg(xs.filter((x) => x > 0).map(Math.log)));
const popSd = (xs: readonly number[]) => Math.sqrt(avg(xs.map((x) => (x - avg(xs)) ** 2)));
const sampleSd = (xs: readonly number[]) =>
  Math.sqrt(sum(xs.map((x) => (x - avg(xs)) ** 2)) / (xs.length - 1));

function metric(name: string, key: string): ContrastMetric {
  const found = report.contrasts.find((c) => c.name === name)?.metrics[key];
  if (!found) throw new Error(`no metric ${key} in contrast ${name}`);
  return found;
}

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'emocrowd-study-report-'));
  writeFileSync(join(cwd, 'verify.yaml'), STUDY);
  const ran = await runCli(['study', 'run', 'verify.yaml', '--quiet'], { cwd });
  expect(ran.code, ran.stderr).toBe(0);
  const { code, stdout, stderr } = await runCli(['study', 'report', 'runs/verify', '--json'], { cwd });
  expect(code, stderr).toBe(0);
  report = JSON.parse(stdout) as StudyReport;
}, 180_000);
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('study report: paired contrast against the responses files', () => {
  const a: number[] = [];
  const b: number[] = [];
  beforeAll(() => {
    const emotion = answers('emotion');
    const social = answers('social');
    for (const [key, x] of emotion) {
      const y = social.get(key);
      if (y !== undefined) {
        a.push(x);
        b.push(y);
      }
    }
    expect(a.length).toBeGreaterThan(280);
  });

  it('pairs exactly the personas that answered in both cells', () => {
    const contrast = report.contrasts.find((c) => c.name === 'paired');
    expect(contrast?.pairing).toEqual({
      paired: true,
      pairs: a.length,
      unpairedA: answers('emotion').size - a.length,
      unpairedB: answers('social').size - b.length,
    });
  });

  it('gives each strategy the difference of absolute errors computed on the pairs', () => {
    for (const [key, aggregate] of [
      ['absError.mean', avg],
      ['absError.median', med],
      ['absError.geometricMean', geo],
    ] as const) {
      const m = metric('paired', key);
      expect(m.a, key).toBeCloseTo(Math.abs(aggregate(a) - TRUTH), 9);
      expect(m.b, key).toBeCloseTo(Math.abs(aggregate(b) - TRUTH), 9);
      expect(m.estimate, key).toBeCloseTo(Math.abs(aggregate(a) - TRUTH) - Math.abs(aggregate(b) - TRUTH), 9);
      expect(m.effectSize.value, key).toBeCloseTo(m.estimate / TRUTH, 12);
      expect(m.ci[0], key).toBeLessThanOrEqual(m.ci[1]);
    }
  });

  it('gives mean |ln(x/T)| and the log-sd per cell and their paired difference', () => {
    const positive = a.map((x, i) => [x, b[i] as number] as const).filter(([x, y]) => x > 0 && y > 0);
    const la = positive.map(([x]) => Math.abs(Math.log(x / TRUTH)));
    const lb = positive.map(([, y]) => Math.abs(Math.log(y / TRUTH)));
    const m = metric('paired', 'meanAbsLogRatio');
    expect(m.a).toBeCloseTo(avg(la), 12);
    expect(m.b).toBeCloseTo(avg(lb), 12);
    expect(m.estimate).toBeCloseTo(avg(la) - avg(lb), 12);
    const d = la.map((x, i) => x - (lb[i] as number));
    expect(m.effectSize).toEqual({ kind: 'dz', value: expect.closeTo(avg(d) / sampleSd(d), 12) });

    const s = metric('paired', 'dispersion');
    const sa = popSd(positive.map(([x]) => Math.log(x)));
    const sb = popSd(positive.map(([, y]) => Math.log(y)));
    expect(s.estimate).toBeCloseTo(sa - sb, 12);
    expect(s.effectSize.value).toBeCloseTo(sa / sb, 12);
    // The log-sd of a whole cell is the square root of its summary's log diversity.
    const summary = report.cells.find((c) => c.name === 'emotion')?.summary;
    const all = [...answers('emotion').values()].filter((x) => x > 0).map(Math.log);
    expect(Math.sqrt(summary?.metrics?.logDiversity ?? Number.NaN)).toBeCloseTo(popSd(all), 12);
  });

  it('has a bootstrap interval of the mean |ln| difference that agrees with the normal-theory paired interval', () => {
    const positive = a.map((x, i) => [x, b[i] as number] as const).filter(([x, y]) => x > 0 && y > 0);
    const d = positive.map(([x, y]) => Math.abs(Math.log(x / TRUTH)) - Math.abs(Math.log(y / TRUTH)));
    const se = sampleSd(d) / Math.sqrt(d.length);
    const m = metric('paired', 'meanAbsLogRatio');
    // Mean of ~290 differences: the percentile bootstrap (2,000 resamples) converges to the normal
    // interval mean ± 1.96 se; its ends differ by sampling noise of about 0.05 se plus the skew
    // of d, so 0.25 se bounds the gap.
    expect(m.ci[0]).toBeCloseTo(avg(d) - 1.96 * se, 1);
    expect(Math.abs(m.ci[0] - (avg(d) - 1.96 * se))).toBeLessThan(0.25 * se);
    expect(Math.abs(m.ci[1] - (avg(d) + 1.96 * se))).toBeLessThan(0.25 * se);
  });

  it('has a permutation p-value a sign-flip test of its own agrees with within Monte Carlo error', () => {
    const positive = a.map((x, i) => [x, b[i] as number] as const).filter(([x, y]) => x > 0 && y > 0);
    const d = positive.map(([x, y]) => Math.abs(Math.log(x / TRUTH)) - Math.abs(Math.log(y / TRUTH)));
    const observed = Math.abs(avg(d));
    const rng = createRng('independent sign flips');
    const R = 2000;
    let extreme = 0;
    for (let r = 0; r < R; r++) {
      let s = 0;
      for (const x of d) s += rng.next() < 0.5 ? -x : x;
      if (Math.abs(s / d.length) >= observed * (1 - 1e-9)) extreme++;
    }
    const p = (1 + extreme) / (1 + R);
    const m = metric('paired', 'meanAbsLogRatio');
    const se = Math.sqrt((p * (1 - p)) / R);
    expect(Math.abs((m.p as number) - p)).toBeLessThan(5 * Math.SQRT2 * se + 1 / R);
    expect(m.pStandardError).toBeCloseTo(Math.sqrt(((m.p as number) * (1 - (m.p as number))) / R), 12);
  });
});

describe('study report: unpaired contrast and the whole report', () => {
  it('compares cells of different seeds as independent crowds, on all their answers', () => {
    const contrast = report.contrasts.find((c) => c.name === 'unpaired');
    expect(contrast?.pairing).toEqual({ paired: false, reason: 'different seeds (42 and 7)' });
    const x = [...answers('emotion').values()];
    const y = [...answers('emotion-7').values()];
    const m = metric('unpaired', 'absError.median');
    expect(m.estimate).toBeCloseTo(Math.abs(med(x) - TRUTH) - Math.abs(med(y) - TRUTH), 9);
    expect(m.n).toEqual({ a: x.length, b: y.length });
    // The same numbers as the cells' own summaries (whole crowds, nothing paired away).
    const summary = (cell: string) => report.cells.find((c) => c.name === cell)?.summary;
    const abs = (cell: string) => {
      const median = summary(cell)?.aggregates?.median;
      return median && median.estimate !== null ? Math.abs(median.estimate - TRUTH) : Number.NaN;
    };
    expect(m.a).toBeCloseTo(abs('emotion'), 9);
    expect(m.b).toBeCloseTo(abs('emotion-7'), 9);
    const g = metric('unpaired', 'meanAbsLogRatio').effectSize;
    const la = x.filter((v) => v > 0).map((v) => Math.abs(Math.log(v / TRUTH)));
    const lb = y.filter((v) => v > 0).map((v) => Math.abs(Math.log(v / TRUTH)));
    const pooled = Math.sqrt(
      ((la.length - 1) * sampleSd(la) ** 2 + (lb.length - 1) * sampleSd(lb) ** 2) /
        (la.length + lb.length - 2),
    );
    expect(g.kind).toBe('hedgesG');
    expect(g.value).toBeCloseTo(
      ((avg(la) - avg(lb)) / pooled) * (1 - 3 / (4 * (la.length + lb.length) - 9)),
      12,
    );
  });

  it('adjusts every p-value of the report together by Holm step-down', () => {
    const all = report.contrasts.flatMap((c) => Object.values(c.metrics));
    const ps = all.map((m) => m.p as number);
    expect(report.settings.multiplicity).toEqual({ method: 'holm', tests: ps.length });
    expect(ps.length).toBe(10);
    // Step-down loop: the i-th smallest p times (m - i), never below the one before, at most 1.
    const order = ps.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const expected = new Array<number>(ps.length);
    let floor = 0;
    for (let i = 0; i < order.length; i++) {
      const [p, at] = order[i] as readonly [number, number];
      floor = Math.max(floor, Math.min(1, (ps.length - i) * p));
      expected[at] = floor;
    }
    expect(all.map((m) => m.pHolm)).toEqual(expected);
  });

  it('lists every cell with its factors, run directory and summary without timing', () => {
    expect(report.cells.map((c) => [c.name, c.runDir, c.state, c.factors])).toEqual([
      ['emotion', 'emotion', 'complete', { condition: 'emotion', seed: '42' }],
      ['social', 'social', 'complete', { condition: 'social', seed: '42' }],
      ['emotion-7', 'emotion-7', 'complete', { condition: 'emotion', seed: '7' }],
    ]);
    for (const cell of report.cells) expect(cell.summary && 'timing' in cell.summary).toBe(false);
    expect(report.settings).toMatchObject({
      strategies: null,
      bootstrap: 2000,
      permutations: 2000,
      level: 0.95,
    });
  });
});
