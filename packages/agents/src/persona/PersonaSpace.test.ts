import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { createEmotionState } from '../emotion/EmotionState.js';
import { defaultSpace } from './defaultSpace.js';
import { personaId, personaKey } from './Persona.js';
import { createPersonaListSpace, createPersonaSpace, samplePositions } from './PersonaSpace.js';
import { PAPER_DIMENSIONS, paperSocialSelection, paperSpace } from './paperSpace.js';
import { stableHash } from './stableHash.js';

const small = () =>
  createPersonaSpace({
    name: 'small',
    emotions: { model: 'goemotions', labels: ['joy', 'anger', 'fear'] },
    dimensions: [
      { id: 'region', values: ['upper-midwest', 'outside-us'] },
      { id: 'age', values: ['18-24', '25-34', '65+'] },
    ],
  });

describe('persona ids', () => {
  it('are derived from a canonical key that ignores attribute order', () => {
    const joy = createEmotionState('joy');
    expect(personaKey(joy, { region: 'upper-midwest', age: '25-34' })).toBe(
      'emotion=joy|age=25-34|region=upper-midwest',
    );
    expect(personaId(joy, { region: 'upper-midwest', age: '25-34' })).toBe(
      personaId(joy, { age: '25-34', region: 'upper-midwest' }),
    );
    expect(personaKey(createEmotionState('joy', { intensity: 0.3 }), {})).toBe('emotion=joy@0.3');
  });
  it('are stable across runs and machines (fixed values)', () => {
    expect(stableHash('')).toBe('0bdcb81aee8d83');
    expect(personaId(createEmotionState('joy'), { age: '25-34', region: 'upper-midwest' })).toBe(
      'p0c17c8e3a1f8c1',
    );
    expect(paperSpace().at(0).id).toBe('p197f7e43667610');
    expect(paperSpace().at(15063).id).toBe('p1d8969439456d5');
  });
  it('are unique across the paper space', () => {
    const space = paperSpace();
    const ids = new Set<string>();
    for (const p of space.iterate()) ids.add(p.id);
    expect(ids.size).toBe(15064);
  });
});

describe('product spaces', () => {
  it('count emotion x social configurations and decode positions mixed-radix, emotion-major', () => {
    const space = small();
    expect(space.count).toBe(18);
    const p = space.at(7); // emotion 1 (anger), social 1 -> region upper-midwest, age 25-34
    expect(p.emotion?.label).toBe('anger');
    expect(p.attributes).toEqual({ region: 'upper-midwest', age: '25-34' });
    expect(Object.keys(p.attributes)).toEqual(['region', 'age']);
    expect(p.index).toBe(7);
    expect([...space.iterate()].map((x) => x.index)).toEqual([...Array(18).keys()]);
    expect(() => space.at(18)).toThrow(RangeError);
    expect(() => space.at(-1)).toThrow(RangeError);
  });
  it('address a million personas without materialising them', () => {
    const space = createPersonaSpace({
      name: 'million',
      dimensions: [
        { id: 'a', values: Array.from({ length: 1000 }, (_, i) => `a${i}`) },
        { id: 'b', values: Array.from({ length: 1000 }, (_, i) => `b${i}`) },
      ],
    });
    expect(space.count).toBe(1_000_000);
    expect(space.at(999_999).attributes).toEqual({ a: 'a999', b: 'b999' });
    expect(space.at(123_456).attributes).toEqual({ a: 'a123', b: 'b456' });
    expect(space.at(0).emotion).toBeUndefined();
    const drawn = space.sample(1000, createRng(1));
    expect(new Set(drawn.map((p) => p.index)).size).toBe(1000);
  });
  it('filter emotions keeping indices and ids, and reject unknown labels', () => {
    const space = small();
    const fear = space.filterEmotions(['fear']);
    expect(fear.count).toBe(6);
    expect(fear.at(0).index).toBe(12);
    expect(fear.at(0).id).toBe(space.at(12).id);
    expect(fear.emotionLabels).toEqual(['fear']);
    expect(() => space.filterEmotions(['joy', 'grief'])).toThrow(/unknown emotion grief/);
  });
  it('reject malformed definitions', () => {
    expect(() => createPersonaSpace({ name: 'x', dimensions: [{ id: 'a', values: [] }] })).toThrow(
      /no values/,
    );
    expect(() =>
      createPersonaSpace({
        name: 'x',
        dimensions: [
          { id: 'a', values: ['1'] },
          { id: 'a', values: ['2'] },
        ],
      }),
    ).toThrow(/twice/);
    expect(() =>
      createPersonaSpace({ name: 'x', dimensions: [{ id: 'a', values: ['1'] }], socialSelection: [1] }),
    ).toThrow(/outside/);
  });
});

describe('sampling', () => {
  it('is reproducible by seed and without replacement when n <= count', () => {
    const space = paperSpace();
    const a = space.sample(500, createRng(42)).map((p) => p.id);
    const b = space.sample(500, createRng(42)).map((p) => p.id);
    const c = space.sample(500, createRng(43)).map((p) => p.id);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a).size).toBe(500);
  });
  it('covers the space evenly when n > count', () => {
    const positions = samplePositions(5, 12, createRng(3));
    const counts = [0, 0, 0, 0, 0];
    for (const p of positions) counts[p] = (counts[p] ?? 0) + 1;
    expect(counts.every((c) => c === 2 || c === 3)).toBe(true);
    expect(positions).toHaveLength(12);
    expect(new Set(samplePositions(5, 5, createRng(9)))).toEqual(new Set([0, 1, 2, 3, 4]));
  });
  it('rejects bad sizes', () => {
    expect(() => samplePositions(5, -1, createRng(1))).toThrow(RangeError);
    expect(() => samplePositions(0, 1, createRng(1))).toThrow(/empty/);
  });
});

describe('built-in spaces', () => {
  it('paper: 28 GoEmotions labels x 538 social configurations = 15,064', () => {
    const space = paperSpace();
    expect(space.count).toBe(15064);
    expect(space.emotionLabels).toHaveLength(28);
    expect(paperSocialSelection()).toHaveLength(538);
    expect(new Set(paperSocialSelection()).size).toBe(538);
    expect(space.at(0).emotion?.label).toBe('admiration');
    expect(space.at(538).emotion?.label).toBe('amusement');
    expect(space.at(15063).emotion?.label).toBe('neutral');
    // the same 538 configurations under every emotion
    expect(space.at(538 + 17).attributes).toEqual(space.at(17).attributes);
  });
  it('paper: the selection spreads over every value of every dimension', () => {
    const space = paperSpace();
    for (const dim of PAPER_DIMENSIONS) {
      const counts = new Map<string, number>();
      for (let i = 0; i < 538; i++) {
        const v = space.at(i).attributes[dim.id] as string;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      expect(counts.size).toBe(dim.values.length);
      const expected = 538 / dim.values.length;
      for (const c of counts.values()) expect(c).toBeGreaterThan(expected * 0.5);
    }
  });
  it('default: 28 x 4 x 6 x 3 x 6 = 12,096', () => {
    expect(defaultSpace().count).toBe(12096);
  });
});

describe('list spaces', () => {
  it('keep personas in order with their list position as index', () => {
    const space = createPersonaListSpace('two', [
      { emotion: createEmotionState('joy'), attributes: { age: '25-34' } },
      { attributes: { age: '65+' } },
    ]);
    expect(space.count).toBe(2);
    expect(space.at(1).index).toBe(1);
    expect(space.at(1).emotion).toBeUndefined();
    expect(space.dimensions).toEqual([{ id: 'age', values: ['25-34', '65+'] }]);
    expect(space.filterEmotions(['joy']).count).toBe(1);
  });
});

describe('persona ids of a product space', () => {
  it('stay the hash of emotion and attributes when asked again, out of order and after filtering', () => {
    const space = defaultSpace();
    const positions = [5, 0, 12_095, 5, 777, 0];
    for (const p of positions) {
      const persona = space.at(p);
      expect(persona.id).toBe(personaId(persona.emotion, persona.attributes));
    }
    expect(space.at(5).id).not.toBe(space.at(6).id);
    const joy = space.filterEmotions(['joy']);
    const first = joy.at(0);
    expect(first.id).toBe(personaId(first.emotion, first.attributes));
    expect(first.id).toBe(space.at(first.index).id);
  });
});
