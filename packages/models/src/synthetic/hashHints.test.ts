import { describe, expect, it } from 'vitest';
import type { SimulationHints } from '../ModelBackend.js';
import { hashHints } from './hashHints.js';

const BASE: SimulationHints = {
  truth: 1194,
  unit: 'mi',
  confusableUnit: { unit: 'km', factor: 0.621371 },
  emotion: { label: 'joy', valence: 0.8, arousal: 0.5, intensity: 0.6 },
  familiarity: 0.4,
  numeracy: 0.7,
};

describe('hashHints', () => {
  it('is stable for equal content and returns an unsigned 32-bit integer', () => {
    const h = hashHints(BASE, 7, 0);
    expect(hashHints(structuredClone(BASE), 7, 0)).toBe(h);
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });

  it('changes when any field, the seed or the replicate changes', () => {
    const variants: SimulationHints[] = [
      { ...BASE, truth: 1195 },
      { ...BASE, unit: 'km' },
      { ...BASE, familiarity: 0.41 },
      { ...BASE, familiarity: undefined },
      { ...BASE, numeracy: 0.71 },
      { ...BASE, socialAnchor: 1000 },
      { ...BASE, previousEstimate: 1000 },
      { ...BASE, emotion: { label: 'love', valence: 0.8, arousal: 0.5, intensity: 0.6 } },
      { ...BASE, emotion: { label: 'joy', valence: 0.8, arousal: 0.5, intensity: 0.61 } },
      { ...BASE, emotion: undefined },
      { ...BASE, confusableUnit: undefined },
    ];
    const hashes = new Set([hashHints(BASE, 7, 0), hashHints(BASE, 8, 0), hashHints(BASE, 7, 1)]);
    for (const v of variants) hashes.add(hashHints(v, 7, 0));
    expect(hashes.size).toBe(variants.length + 3);
  });
});
