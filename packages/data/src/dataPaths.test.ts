import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crowdDataPath, DATA_ROOT, goEmotionsDir } from './dataPaths.js';

describe('the shipped data', () => {
  it('has every GoEmotions file the commands read', () => {
    for (const name of [
      'train.tsv',
      'dev.tsv',
      'test.tsv',
      'emotions.txt',
      'ekman_mapping.json',
      'sentiment_mapping.json',
    ])
      expect(existsSync(join(goEmotionsDir(), name)), name).toBe(true);
    expect(readFileSync(join(goEmotionsDir(), 'emotions.txt'), 'utf8').trim().split('\n')).toHaveLength(28);
  });

  it('has every human crowd its README lists', () => {
    const readme = readFileSync(crowdDataPath('README.md'), 'utf8');
    const files = [...readme.matchAll(/^\| ([a-z0-9_]+\.csv) \|/gm)].map((m) => m[1] as string);
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const name of files) expect(existsSync(crowdDataPath(name)), name).toBe(true);
    for (const name of ['questions.csv', 'responses.csv', 'README_original.md'])
      expect(existsSync(crowdDataPath(`clulab_calorie/${name}`)), name).toBe(true);
    for (const jar of [1, 2, 3, 4])
      expect(existsSync(crowdDataPath(`silver_jellybean_Jb${jar}.csv`))).toBe(true);
  });

  it('resolves inside the package, never outside it', () => {
    expect(crowdDataPath('lorenz_2011.csv').startsWith(DATA_ROOT)).toBe(true);
    expect(() => crowdDataPath('../goemotions/train.tsv')).toThrow(/not a path inside crowds/);
    expect(() => crowdDataPath('/etc/passwd')).toThrow(/not a path inside crowds/);
  });
});
