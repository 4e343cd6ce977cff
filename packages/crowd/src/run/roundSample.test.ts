import { beamState, createEmotionState, type Persona } from '@emocrowd/agents';
import { describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { personaListOf } from './PersonaList.js';
import { RoundState } from './RoundState.js';
import { roundSample } from './roundSample.js';

function record(over: Partial<ResponseRecord>): ResponseRecord {
  return {
    personaId: 'p',
    personaIndex: 0,
    attributes: {},
    replicate: 0,
    round: 0,
    status: 'ok',
    latencyMs: 1,
    tokens: { prompt: 1, completion: 1 },
    cached: false,
    model: 'synthetic',
    ...over,
  };
}

describe('roundSample', () => {
  it('lays out answers by slot with their labels; a dimension with one label is left out', () => {
    const personas: Persona[] = [
      {
        id: 'a',
        index: 10,
        emotion: createEmotionState('joy'),
        attributes: { region: 'north', age: '18-24' },
      },
      {
        id: 'b',
        index: 11,
        emotion: createEmotionState('fear'),
        attributes: { region: 'south', age: '18-24' },
      },
      // a later persona brings a new attribute: the answers before it get 'unknown'
      {
        id: 'c',
        index: 12,
        emotion: createEmotionState('joy'),
        attributes: { region: 'north', age: '18-24', gender: 'woman' },
      },
    ];
    const state = new RoundState(0, 6);
    state.add(5, record({ estimate: 50, confidence: 0.5 }));
    state.add(0, record({ estimate: 1 }));
    state.add(1, record({ status: 'unparsed' }));
    state.add(2, record({ estimate: 3, emotion: 'anger' }));
    state.add(4, record({ estimate: 40 }));
    const { sample, personaIndex, replicate, scales } = roundSample(state, personaListOf(personas));
    expect(sample.values).toEqual([1, 3, 40, 50]);
    expect(sample.confidence).toEqual([undefined, undefined, undefined, 0.5]);
    expect(Array.from(personaIndex)).toEqual([10, 12, 11, 12]);
    expect(Array.from(replicate)).toEqual([0, 0, 1, 1]);
    expect(sample.groups).toEqual({
      emotion: ['joy', 'anger', 'fear', 'joy'],
      plutchik: ['joy', 'anger', 'fear', 'joy'],
      region: ['north', 'north', 'south', 'north'],
      gender: ['unknown', 'woman', 'unknown', 'woman'],
    });
    // every persona at the default intensity: no scale with two levels, no trend to draw
    expect(scales).toBeUndefined();
    expect(Object.keys(roundSample(state, personaListOf(personas), ['region']).sample.groups ?? {})).toEqual([
      'region',
    ]);
  });

  it('gives each answer its intensity scale when a scale has two levels', () => {
    const personas: Persona[] = [
      { id: 'a', index: 0, emotion: beamState('sadness-joy', -0.6), attributes: {} },
      { id: 'b', index: 1, emotion: beamState('sadness-joy', 0.6), attributes: {} },
    ];
    const state = new RoundState(0, 2);
    state.add(0, record({ estimate: 1 }));
    state.add(1, record({ estimate: 2 }));
    const { sample, scales } = roundSample(state, personaListOf(personas));
    expect(scales?.scales).toEqual(['sadness-joy', 'sadness-joy']);
    expect(scales?.levels).toEqual([-0.6, 0.6]);
    expect(sample.groups?.intensity).toEqual(['-0.6', '0.6']);
  });

  it('is empty for a round without answers', () => {
    expect(roundSample(undefined, personaListOf([])).sample).toEqual({
      values: [],
      confidence: [],
      groups: {},
    });
  });
});
