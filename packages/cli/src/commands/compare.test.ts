import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const crowdFile = (name: string): string => crowdDataPath(name);

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, { cwd: process.cwd(), env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

interface CompareJson {
  truth: number;
  n: number;
  permutations: number;
  ks: number[];
  strategies: {
    name: string;
    estimate: number;
    relError: number;
    beaten: number;
    optimalK: number;
    optimalAccuracy: number;
    curve: { k: number; accuracy: number }[];
  }[];
}

const JB1 = ['--input', crowdFile('silver_jellybean_Jb1.csv'), '--column', 'E1', '--truth', '250'];

describe('emocrowd compare', () => {
  it('gives each strategy its error, beaten share and subset curve with the optimal k, in stable JSON', async () => {
    const r = await cli(
      'compare',
      ...JB1,
      '--strategies',
      'mean,median,geometricMean',
      '--subsets',
      '50',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as CompareJson;
    expect(Object.keys(json)).toEqual([
      'input',
      'column',
      'label',
      'truth',
      'n',
      'skipped',
      'tolerance',
      'permutations',
      'ks',
      'strategies',
    ]);
    expect(json.strategies.map((s) => s.name)).toEqual(['mean', 'median', 'geometricMean']);
    expect(json.n).toBe(67);
    expect(json.permutations).toBe(50);
    const mean = json.strategies[0];
    expect(mean?.estimate).toBeCloseTo(162.7, 1);
    expect(mean?.relError).toBeCloseTo((162.7 - 250) / 250, 3);
    // The mean (162.7) is closer to 250 than 43 of the 67 jelly-bean guesses (64.2%).
    expect(mean?.beaten).toBeCloseTo(43 / 67, 9);
    for (const s of json.strategies) {
      expect(s.curve.map((p) => p.k)).toEqual(json.ks);
      expect(json.ks).toContain(s.optimalK);
      const best = Math.max(...s.curve.map((p) => p.accuracy));
      expect(s.optimalAccuracy).toBe(best);
      expect(s.curve.find((p) => p.k === s.optimalK)?.accuracy).toBe(best);
    }
    expect(json.ks[0]).toBe(1);
    expect(json.ks[json.ks.length - 1]).toBe(67);
  });

  it('draws the curves as a terminal chart on a log-x axis with a legend', async () => {
    const r = await cli('compare', ...JB1, '--strategies', 'mean,median', '--subsets', '30', '--ascii');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/strategy\s+estimate\s+rel\. error\s+beats\s+optimal k/);
    expect(r.out).toContain('crowd size k (log scale)');
    expect(r.out).toContain('* mean');
    expect(r.out).toContain('o median');
    expect(r.out).toMatch(/^\s+1\s+\d+\s+67$/m);
  });

  it('reports the cue strategies as not computed without a cue: estimate null with the reason, no row, no curve', async () => {
    const json = await cli(
      'compare',
      ...JB1,
      '--strategies',
      'mean,selectCrowd,bestEmotionSubset',
      '--subsets',
      '20',
      '--json',
    );
    expect(json.code, json.err).toBe(0);
    const { strategies } = JSON.parse(json.out) as { strategies: Record<string, unknown>[] };
    expect(strategies.map((s) => s.name)).toEqual(['mean', 'selectCrowd', 'bestEmotionSubset']);
    expect(strategies[1]).toEqual({
      name: 'selectCrowd',
      estimate: null,
      reason: expect.stringMatching(/^no ability cue/),
    });
    expect(strategies[2]).toEqual({
      name: 'bestEmotionSubset',
      estimate: null,
      reason: expect.stringMatching(/^no group labels/),
    });
    const text = await cli(
      'compare',
      ...JB1,
      '--strategies',
      'mean,selectCrowd',
      '--subsets',
      '20',
      '--ascii',
    );
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/^not computed: selectCrowd \(no ability cue/m);
    expect(text.out).not.toMatch(/^selectCrowd\s/m);
    expect(text.out).not.toMatch(/[*o+x#] selectCrowd/);
    const analyzed = await cli(
      'analyze',
      ...JB1,
      '--strategies',
      'mean,median,selectCrowd',
      '--subsets',
      '0',
    );
    expect(analyzed.code, analyzed.err).toBe(0);
    expect(analyzed.out).toMatch(/^not computed: selectCrowd \(no ability cue/m);
    expect(analyzed.out).not.toMatch(/^selectCrowd\s/m);
  });

  it('needs one question: a file with several is refused with the fix', async () => {
    const r = await cli(
      'compare',
      '--input',
      crowdFile('lorenz_2011.csv'),
      '--column',
      'E1',
      '--truth-column',
      'Truth',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--filter Question=/);
  });
});
