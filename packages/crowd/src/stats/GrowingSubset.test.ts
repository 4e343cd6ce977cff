import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import type { CrowdSample } from './CrowdSample.js';
import { GrowingSubset } from './GrowingSubset.js';
import { subsetSample } from './subsetSample.js';

describe('GrowingSubset', () => {
  const rng = createRng('growing');
  const n = 50;
  const sample: CrowdSample = {
    values: Array.from({ length: n }, () => rng.int(1000)),
    confidence: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? undefined : rng.next())),
    groups: {
      emotion: Array.from({ length: n }, (_, i) => ['joy', 'fear', 'anger'][i % 3] as string),
      region: Array.from({ length: n }, (_, i) => (i < 20 ? 'north' : 'south')),
    },
  };

  it('reads every prefix of an order as subsetSample copies it, over several orders', () => {
    const sub = new GrowingSubset(sample);
    for (let round = 0; round < 3; round++) {
      const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
      sub.clear();
      let grown = 0;
      for (const k of [1, 2, 5, 11, 30, 49]) {
        sub.extend(order, grown, k);
        grown = k;
        expect(sub.sample()).toEqual(subsetSample(sample, order.slice(0, k)));
      }
    }
  });

  it('carries only the fields the sample has', () => {
    const sub = new GrowingSubset({ values: [3, 1, 2] });
    sub.extend([2, 0], 0, 2);
    expect(sub.sample()).toEqual({ values: [2, 3] });
  });
});
