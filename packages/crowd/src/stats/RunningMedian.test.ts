import { readFileSync } from 'node:fs';
import { crowdDataPath } from '@emocrowd/data';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { extractCrowds } from '../import/extractCrowds.js';
import { parseCsvTable } from '../import/parseCsvTable.js';
import { median } from './median.js';
import { RunningMedian } from './RunningMedian.js';

/** Planet Money's 17,184 cow guesses (truth 1,355 lb), read from the shipped CSV. */
function cowGuesses(): number[] {
  const path = crowdDataPath('planetmoney2015_cow_guesses.csv');
  const { crowds } = extractCrowds(parseCsvTable(readFileSync(path, 'utf8'), path), {
    column: 'guess_lb',
    truth: 1355,
  });
  const values = [...(crowds[0]?.sample.values ?? [])];
  expect(values.length).toBe(17184);
  return values;
}

describe('RunningMedian', () => {
  it('is NaN when empty and the middle value or the mean of the two middle ones after', () => {
    const m = new RunningMedian();
    expect(m.value()).toBeNaN();
    for (const [x, expected] of [
      [5, 5],
      [1, 3],
      [9, 5],
      [5, 5],
      [-2, 5],
      [0, 3],
    ] as const) {
      m.add(x);
      expect(m.value()).toBe(expected);
    }
    expect(m.size).toBe(6);
  });

  it('equals median() of the numbers added so far, bit for bit, on the cow guesses in a random order', () => {
    const values = cowGuesses();
    const rng = createRng(7);
    for (let i = values.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [values[i], values[j]] = [values[j] as number, values[i] as number];
    }
    const running = new RunningMedian();
    values.forEach((x, i) => {
      running.add(x);
      // many ties (guesses are round numbers): every step up to 500, then every 97th and the last
      if (i < 500 || i % 97 === 0 || i === values.length - 1)
        expect(running.value(), `after ${i + 1}`).toBe(median(values.slice(0, i + 1)));
    });
    expect(running.value()).toBe(median(values));
  });
});
