import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeEstimates } from '@emocrowd/crowd';
import { describe, expect, it } from 'vitest';
import { histogramBins } from '../src/charts/histogramBins.js';
import { overlayBins } from '../src/charts/overlayBins.js';
import { analyzeRecords } from '../src/data/analyzeRecords.js';
import { parseResponsesFile } from '../src/data/parseResponsesFile.js';
import { sampleFromRecords } from '../src/data/sampleFromRecords.js';
import { crowdDataPath } from '@emocrowd/data';
import { runCli } from '../../../packages/cli/src/testing/runCli.js';

const CROWDS = crowdDataPath('');

describe('parseResponsesFile', () => {
  it('reads a CSV with quoted fields, a truth column and attribute columns', () => {
    const csv = 'guess,truth,"group, name",note\n100,250,"a, b","said ""hi"""\n200,250,c,x\n,250,c,y\n';
    const parsed = parseResponsesFile('data.csv', csv);
    expect(parsed.truth).toBe(250);
    expect(parsed.estimateColumn).toBe('guess');
    expect(parsed.records.map((r) => r.status)).toEqual(['ok', 'ok', 'unparsed']);
    expect(parsed.records.map((r) => r.estimate)).toEqual([100, 200, undefined]);
    expect(parsed.records[0]?.attributes['group, name']).toBe('a, b');
    expect(parsed.records[0]?.attributes.note).toBe('said "hi"');
  });

  it('reads a CSV exactly as the command line does: one parser, the same crowd', async () => {
    // the cells of a messy file: a thousands separator, hexadecimal, a missing value, an overflow
    const csv = 'guess\n"1,194"\n900\n0x10\nNA\n1200\n1e400\n';
    const parsed = parseResponsesFile('guesses.csv', csv);
    expect(parsed.records.map((r) => r.status)).toEqual(['ok', 'ok', 'unparsed', 'unparsed', 'ok', 'unparsed']);
    const viewerCrowd = sampleFromRecords(parsed.records, 0).values;
    expect(viewerCrowd).toEqual([1194, 900, 1200]);
    const dir = mkdtempSync(join(tmpdir(), 'emocrowd-viewer-csv-'));
    try {
      writeFileSync(join(dir, 'guesses.csv'), csv);
      const cli = await runCli(['analyze', '--input', 'guesses.csv', '--column', 'guess', '--truth', '1194', '--subsets', '0', '--json'], { cwd: dir });
      expect(cli.code, cli.stderr).toBe(0);
      const crowd = (JSON.parse(cli.stdout) as { crowds: { n: number; skipped: { total: number }; summary: { aggregates: Record<string, { estimate: number }> } }[] }).crowds[0];
      expect([crowd?.n, crowd?.skipped.total]).toEqual([3, 3]);
      const viewer = analyzeRecords(parsed.records, 1194, { subsets: 0, bootstrap: 0 }).summary;
      for (const name of ['mean', 'median', 'geometricMean', 'trimmedMean'])
        expect(viewer.aggregates[name]?.estimate, name).toBe(crowd?.summary.aggregates[name]?.estimate);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a broken CSV with the line, as the command line does, instead of guessing', () => {
    expect(() => parseResponsesFile('a.csv', 'guess,who\n"12,a\n13,b\n')).toThrow(/a\.csv:2: a quoted field is never closed/);
    expect(() => parseResponsesFile('a.csv', 'guess\n1"2\n')).toThrow(/a\.csv:2: a quote inside an unquoted field/);
    expect(() => parseResponsesFile('a.csv', 'guess,who\n12\n')).toThrow(/a\.csv:2: 1 fields where the header has 2/);
    expect(() => parseResponsesFile('a.csv', 'guess,confidence\n12,-1\n')).toThrow(/a\.csv:2: confidence -1 is negative/);
  });

  it('reads responses.jsonl records and names a bad line', () => {
    const line = (i: number, estimate?: number) =>
      JSON.stringify({ personaId: `p${i}`, personaIndex: i, attributes: { age: '18-24' }, replicate: 0, round: 0, status: estimate === undefined ? 'unparsed' : 'ok', ...(estimate === undefined ? {} : { estimate }), raw: '<b>x</b>', latencyMs: 1, tokens: { prompt: 1, completion: 1 }, cached: false, model: 'm' });
    const parsed = parseResponsesFile('responses.jsonl', `${line(0, 5)}\n${line(1)}\n`);
    expect(parsed.records).toHaveLength(2);
    expect(parsed.records[0]?.raw).toBe('<b>x</b>');
    expect(parsed.records[1]?.status).toBe('unparsed');
    expect(() => parseResponsesFile('responses.jsonl', `${line(0, 5)}\nnot json\n`)).toThrow(/line 2/);
  });

  it('finds the estimates of a real human crowd file, and the analysis matches the published check values', () => {
    const parsed = parseResponsesFile('silver_jellybean_Jb1.csv', readFileSync(`${CROWDS}silver_jellybean_Jb1.csv`, 'utf8'));
    expect(parsed.estimateColumn).toBe('E1');
    expect(parsed.truth).toBe(250);
    const { summary, rounds } = analyzeRecords(parsed.records, 250, { subsets: 20, bootstrap: 50 });
    // data/crowds/README.md: Silver Jb1, E1, n=67: mean 162.7, median 150, geometric mean 141.0
    expect(summary.metrics.n).toBe(67);
    expect(summary.aggregates.mean?.estimate).toBeCloseTo(162.7, 1);
    expect(summary.aggregates.median?.estimate).toBe(150);
    expect(summary.aggregates.geometricMean?.estimate).toBeCloseTo(141.0, 1);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]?.n).toBe(67);
  });
});

describe('sampleFromRecords / analyzeRecords', () => {
  it('takes the last round in persona order and analyses it exactly as summarizeEstimates does', () => {
    const rec = (personaIndex: number, round: number, estimate: number, emotion: string) => ({
      personaId: `p${personaIndex}`, personaIndex, emotion, attributes: { age: personaIndex % 2 ? 'old' : 'young' }, replicate: 0, round,
      status: 'ok' as const, estimate, latencyMs: 0, tokens: { prompt: 0, completion: 0 }, cached: false, model: 'm',
    });
    const records = [rec(2, 1, 30, 'joy'), rec(0, 0, 1, 'fear'), rec(0, 1, 10, 'fear'), rec(1, 1, 20, 'joy'), rec(1, 0, 2, 'joy')];
    const sample = sampleFromRecords(records, 1);
    expect(sample.values).toEqual([10, 20, 30]);
    expect(sample.groups?.emotion).toEqual(['fear', 'joy', 'joy']);
    expect(sample.groups?.age).toEqual(['young', 'old', 'young']);
    const { summary, rounds } = analyzeRecords(records, 25, { subsets: 0, bootstrap: 10 });
    expect(summary).toEqual(summarizeEstimates(sample, 25, { subsets: false, groups: true, bootstrap: 10, seed: 0 }));
    expect(rounds.map((r) => [r.round, r.n])).toEqual([[0, 2], [1, 3]]);
  });
});

describe('histogramBins', () => {
  it('counts every estimate once, with extreme outliers outside the linear range', () => {
    const values = [...Array.from({ length: 1000 }, (_, i) => 1000 + i / 2), 1e9, 1e9];
    const bins = histogramBins(values, { include: [1194] });
    expect(bins.counts.reduce((a, b) => a + b, 0) + bins.below + bins.above).toBe(values.length);
    expect(bins.above).toBe(2);
    expect(bins.range[1]).toBeLessThan(2000);
  });

  it('on a log scale drops non-positive values, and an empty crowd still has a positive range', () => {
    const bins = histogramBins([0, -5, 10, 100, 1000], { log: true });
    expect(bins.nonPositive).toBe(2);
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(histogramBins([], { log: true }).range[0]).toBeGreaterThan(0);
    expect(histogramBins([], { log: true, include: [Number.NaN] }).range[0]).toBeGreaterThan(0);
  });
});

describe('overlayBins', () => {
  it('counts two crowds of different sizes into the same log bins, as shares of each crowd', () => {
    const simulated = [100, 100, 120, 150, 200, 0, -5];
    const human = [10, 50, 100, 400, 1000, 1000];
    const bins = overlayBins([simulated, human], { bins: 4, include: [5000] });
    // log10 from 1 (10) to log10(5000) = 3.699, four bins of width 0.6747: edges 10, 47.3, 223.6, 1057.4, 5000
    expect(bins.range[0]).toBeCloseTo(10, 10);
    expect(bins.range[1]).toBeCloseTo(5000, 10);
    expect(bins.counts).toEqual([
      [0, 5, 0, 0],
      [1, 2, 3, 0],
    ]);
    expect(bins.nonPositive).toEqual([2, 0]);
    for (const shares of bins.shares) expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(bins.shares[1]).toEqual([1 / 6, 2 / 6, 3 / 6, 0]);
    // bin centres are the geometric centres: 10^(1 + 0.5 w), ...
    const w = (Math.log10(5000) - 1) / 4;
    bins.centers.forEach((c, i) => expect(Math.log10(c)).toBeCloseTo(1 + (i + 0.5) * w, 12));
  });

  it('draws nothing without a positive answer, and one value as a narrow range around it', () => {
    expect(overlayBins([[0, -1], []]).centers).toEqual([]);
    const one = overlayBins([[250], [250]], { bins: 10 });
    expect(one.counts[0]?.reduce((s, v) => s + v, 0)).toBe(1);
    expect(one.range[0]).toBeLessThan(250);
    expect(one.range[1]).toBeGreaterThan(250);
  });
});
