import { describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import { RoundState } from './RoundState.js';

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

describe('RoundState', () => {
  it('keeps what a round needs of each answer, and only the first answer of a slot', () => {
    const state = new RoundState(2, 10);
    state.add(3, record({ estimate: 1200, confidence: 0.25, emotion: 'joy', cached: true }));
    state.add(3, record({ estimate: 5 }));
    state.add(7, record({ status: 'unparsed', emotion: 'fear' }));
    state.add(0, record({ status: 'failed' }));
    expect(state.size).toBe(3);
    expect(state.has(3)).toBe(true);
    expect(state.has(4)).toBe(false);
    expect(state.get(4)).toBeUndefined();
    expect(state.get(3)).toEqual({
      status: 'ok',
      estimate: 1200,
      confidence: 0.25,
      emotion: 'joy',
      cached: true,
    });
    expect(state.get(7)).toEqual({
      status: 'unparsed',
      estimate: undefined,
      confidence: undefined,
      emotion: 'fear',
      cached: false,
    });
    expect(state.get(0)).toEqual({
      status: 'failed',
      estimate: undefined,
      confidence: undefined,
      emotion: undefined,
      cached: false,
    });
  });

  it('lists answers in ascending slot order whatever their arrival order, slots outside the round included', () => {
    const state = new RoundState(0, 5);
    for (const slot of [4, 1, 9, 0, -2, 3]) state.add(slot, record({ estimate: slot * 10 + 100 }));
    const entries = [...state.entries()];
    expect(entries.map(([slot]) => slot)).toEqual([-2, 0, 1, 3, 4, 9]);
    expect(entries.map(([, lite]) => lite.estimate)).toEqual([80, 100, 110, 130, 140, 190]);
    expect(state.get(9)?.estimate).toBe(190);
  });

  it('visits the answers with a number as entries() lists them, without the others', () => {
    const state = new RoundState(0, 6);
    state.add(4, record({ estimate: 40, confidence: 0.5, emotion: 'joy' }));
    state.add(1, record({ estimate: 10 }));
    state.add(2, record({ status: 'unparsed' }));
    state.add(3, record({ status: 'ok' }));
    state.add(9, record({ estimate: 90, emotion: 'fear' }));
    state.add(-1, record({ estimate: -10, confidence: 0 }));
    state.add(0, record({ status: 'failed', estimate: 1 }));
    const visited: unknown[] = [];
    state.forEachEstimate((slot, estimate, confidence, emotion) =>
      visited.push([slot, estimate, confidence, emotion]),
    );
    const listed = [...state.entries()]
      .filter(([, lite]) => lite.status === 'ok' && lite.estimate !== undefined)
      .map(([slot, lite]) => [slot, lite.estimate, lite.confidence, lite.emotion]);
    expect(visited).toEqual([
      [-1, -10, 0, undefined],
      [1, 10, undefined, undefined],
      [4, 40, 0.5, 'joy'],
      [9, 90, undefined, 'fear'],
    ]);
    expect(visited).toEqual(listed);
    expect(state.estimateCount).toBe(4);
    expect(state.statusCounts()).toEqual({ ok: 5, unparsed: 1, failed: 1, cached: 0 });
    state.add(11, record({ status: 'failed', cached: true }));
    state.add(5, record({ estimate: 5, cached: true }));
    expect(state.statusCounts()).toEqual({ ok: 6, unparsed: 1, failed: 2, cached: 2 });
  });

  it('keeps exact estimates and zero confidences (no rounding, zero is not "absent")', () => {
    const state = new RoundState(0, 2);
    state.add(1, record({ estimate: 1193.7654321, confidence: 0 }));
    expect(state.get(1)).toMatchObject({ estimate: 1193.7654321, confidence: 0 });
  });

  it('snapshots running aggregates of the parsed answers only', () => {
    const state = new RoundState(0, 4);
    state.add(0, record({ estimate: 100 }));
    state.add(1, record({ estimate: 400 }));
    state.add(2, record({ status: 'unparsed' }));
    const snap = state.snapshot();
    expect(snap).toMatchObject({ round: 0, answered: 2, failed: 1, total: 4 });
    expect(snap.aggregates.mean).toBe(250);
    expect(snap.aggregates.median).toBe(250);
    expect(snap.aggregates.geometricMean).toBeCloseTo(200, 10);
  });
});
