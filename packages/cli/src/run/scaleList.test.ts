import { resolvePersonas } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { scaleList } from './scaleList.js';

const paper = () => resolvePersonas('paper', { condition: 'combined', rng: createRng(1) });

describe('scaleList', () => {
  it('takes round(n x fraction) distinct personas in the crowd order', () => {
    const scaled = scaleList(paper(), { numerator: 1, denominator: 56 }, createRng(42).fork('scale'));
    expect(scaled.count).toBe(269); // 15,064 / 56 = 269 exactly
    const indices = Array.from({ length: scaled.count }, (_, i) => scaled.at(i).index);
    expect(new Set(indices).size).toBe(269);
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
  });

  it('is a pure function of the seed: the same seed draws the same sub-crowd, another seed another', () => {
    const ids = (seed: number) => {
      const s = scaleList(paper(), { numerator: 1, denominator: 56 }, createRng(seed).fork('scale'));
      return Array.from({ length: s.count }, (_, i) => s.at(i).id);
    };
    expect(ids(42)).toEqual(ids(42));
    expect(ids(43)).not.toEqual(ids(42));
  });

  it('keeps at least one persona and leaves the crowd whole at 1/1', () => {
    const crowd = paper();
    expect(scaleList(crowd, { numerator: 1, denominator: 1_000_000 }, createRng(1)).count).toBe(1);
    expect(scaleList(crowd, { numerator: 1, denominator: 1 }, createRng(1))).toBe(crowd);
    expect(scaleList(crowd, undefined, createRng(1))).toBe(crowd);
  });
});
