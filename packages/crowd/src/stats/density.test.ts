import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { densityMode } from './densityMode.js';
import { kernelDensity } from './kernelDensity.js';
import { silvermanBandwidth } from './silvermanBandwidth.js';

describe('silvermanBandwidth', () => {
  it('is 0.9 min(sd, IQR/1.34) n^-1/5', () => {
    // values 1..5: sample sd = 1.5811, IQR (type 7) = 2, IQR/1.34 = 1.4925
    expect(silvermanBandwidth([1, 2, 3, 4, 5])).toBeCloseTo(0.9 * (2 / 1.34) * 5 ** -0.2, 10);
    // IQR 0 (heaped answers): falls back to the sd
    const heaped = [10, 10, 10, 10, 10, 10, 10, 20];
    expect(silvermanBandwidth(heaped)).toBeCloseTo(0.9 * Math.sqrt(12.5) * 8 ** -0.2, 10);
    expect(silvermanBandwidth([4, 4])).toBe(0);
  });
});

describe('kernelDensity', () => {
  const rng = createRng('kde');
  const data = Array.from({ length: 5000 }, () => rng.normal());

  it('integrates to about 1 and binned agrees with direct evaluation', () => {
    const binned = kernelDensity(data); // large n: binned path
    const step = (binned.x[1] as number) - (binned.x[0] as number);
    expect(binned.density.reduce((a, b) => a + b, 0) * step).toBeCloseTo(1, 2);
    const small = data.slice(0, 40);
    const direct = kernelDensity(small, { gridSize: 200 });
    // same data through the binned path: force it with a huge n by repeating the data 100 times
    const repeated = kernelDensity(
      Array.from({ length: 4000 }, (_, i) => small[i % 40] as number),
      {
        gridSize: 200,
        bandwidth: direct.bandwidth,
      },
    );
    const peak = Math.max(...direct.density);
    direct.density.forEach((d, g) => {
      expect(Math.abs(d - (repeated.density[g] as number))).toBeLessThan(0.01 * peak);
    });
  });

  it('finds the same mode as a brute-force search of the exact density', () => {
    const h = kernelDensity(data).bandwidth;
    let best = Number.NEGATIVE_INFINITY;
    let at = 0;
    for (let x = -1; x <= 1; x += 0.001) {
      let s = 0;
      for (const v of data) s += Math.exp(-0.5 * ((x - v) / h) ** 2);
      if (s > best) {
        best = s;
        at = x;
      }
    }
    expect(Math.abs(densityMode(data) - at)).toBeLessThan(0.005);
  });

  it('finds the higher peak of a mixture and handles degenerate data', () => {
    const mixture = [...data.map((x) => x * 0.5), ...data.slice(0, 2000).map((x) => 6 + x * 0.5)];
    expect(Math.abs(densityMode(mixture))).toBeLessThan(0.5);
    const flipped = [...data.slice(0, 2000).map((x) => x * 0.5), ...data.map((x) => 6 + x * 0.5)];
    expect(Math.abs(densityMode(flipped) - 6)).toBeLessThan(0.5);
    expect(densityMode([7])).toBe(7);
    expect(densityMode([3, 3, 3])).toBeCloseTo(3, 6);
  });
});
