import { crowdDataPath } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, { env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

interface SubsetJson {
  crowds: {
    summary: {
      subsets: {
        ks: number[];
        skippedKs: number[];
        epsilon: number;
        strategies: {
          name: string;
          optimalK: number | null;
          optimalKInterval: [number, number] | null;
          flags: string[];
          points: { k: number; accuracy: number; accuracyInterval: [number, number] }[];
        }[];
      };
    };
  }[];
}

const jb1 = [
  'analyze',
  '--input',
  crowdDataPath('silver_jellybean_Jb1.csv'),
  '--column',
  'E1',
  '--truth',
  '250',
];

describe('emocrowd analyze: subset sizes you can trust', () => {
  it('flags the mean of Silver Jb1 as a bias artefact and gives every optimum its interval', async () => {
    const { code, out, err } = await cli(...jb1, '--strategies', 'mean,median', '--json');
    expect(code, err).toBe(0);
    const subsets = (JSON.parse(out) as SubsetJson).crowds[0]?.summary.subsets;
    const mean = subsets?.strategies.find((s) => s.name === 'mean');
    expect(mean?.flags).toEqual(['bias-artefact']);
    expect(mean?.optimalK).toBe(1);
    expect(mean?.optimalKInterval).toEqual([1, 5]);
    for (const s of subsets?.strategies ?? []) {
      expect(s.optimalKInterval).not.toBeNull();
      for (const p of s.points) {
        expect(p.accuracyInterval[0]).toBeLessThanOrEqual(p.accuracy);
        expect(p.accuracyInterval[1]).toBeGreaterThanOrEqual(p.accuracy);
      }
    }
    const text = await cli(...jb1, '--strategies', 'mean');
    expect(text.out).toMatch(/mean k=1 \[1-5\] \(10%; ε-good from k=1\) bias-artefact/);
  });

  it('adds --ks sizes to the grid, leaves out those above the crowd with a note, and takes --epsilon', async () => {
    const cow = await cli(
      'analyze',
      '--input',
      crowdDataPath('planetmoney2015_cow_guesses.csv'),
      '--column',
      'guess_lb',
      '--truth',
      '1355',
      '--strategies',
      'mean',
      '--subsets',
      '40',
      '--ks',
      '538',
      '--epsilon',
      '0.05',
      '--json',
    );
    expect(cow.code, cow.err).toBe(0);
    const subsets = (JSON.parse(cow.out) as SubsetJson).crowds[0]?.summary.subsets;
    expect(subsets?.ks).toContain(538);
    expect(subsets?.epsilon).toBe(0.05);
    expect(subsets?.strategies[0]?.points.find((p) => p.k === 538)).toBeDefined();
    const small = await cli(...jb1, '--strategies', 'mean', '--ks', '538,30');
    expect(small.code).toBe(0);
    expect(small.out).toMatch(/--ks 538 left out: larger than the crowd \(67 answers\)/);
    const bad = await cli(...jb1, '--ks', '53.8');
    expect(bad.code).toBe(2);
    expect(bad.err.trim()).toBe(
      'emocrowd: --ks takes subset sizes, positive integers, e.g. --ks 538,1000 (got "53.8")',
    );
  });
});
