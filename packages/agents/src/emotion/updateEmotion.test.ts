import { describe, expect, it } from 'vitest';
import { createEmotionState } from './EmotionState.js';
import { relativeGap, updateEmotion } from './updateEmotion.js';

describe('relativeGap', () => {
  it('is the absolute log ratio for positive values, symmetric in direction', () => {
    expect(relativeGap(1000, 2000)).toBeCloseTo(Math.log(2), 12);
    expect(relativeGap(2000, 1000)).toBeCloseTo(Math.log(2), 12);
    expect(relativeGap(5, 5)).toBe(0);
    expect(relativeGap(0, 10)).toBe(1);
  });
});

describe('updateEmotion', () => {
  const calm = createEmotionState('sadness', { intensity: 0.3 });

  it('turns a far-off crowd answer into surprise with higher arousal', () => {
    const joy = createEmotionState('joy', { intensity: 0.3 });
    const next = updateEmotion(joy, { kind: 'feedback', own: 1200, shown: 3000 });
    expect(next.label).toBe('surprise');
    expect(next.arousal).toBeGreaterThan(joy.arousal);
    expect(next.intensity).toBeGreaterThan(0.9);
  });
  it('turns it into annoyance when the persona already feels bad', () => {
    const next = updateEmotion(calm, { kind: 'feedback', own: 1200, shown: 400 });
    expect(next.label).toBe('annoyance');
    expect(next.arousal).toBeGreaterThan(calm.arousal);
  });
  it('makes a moderate disagreement confusing and an agreement approving', () => {
    expect(updateEmotion(calm, { kind: 'feedback', own: 1200, shown: 1500 }).label).toBe('confusion');
    expect(updateEmotion(calm, { kind: 'feedback', own: 1200, shown: 1210 }).label).toBe('approval');
    const tense = createEmotionState('fear', { intensity: 0.6 });
    expect(updateEmotion(tense, { kind: 'feedback', own: 1200, shown: 1190 }).label).toBe('relief');
  });
  it('keeps a strong feeling when the news is weaker than it, decayed', () => {
    const rage = createEmotionState('anger', { intensity: 1 });
    const next = updateEmotion(rage, { kind: 'feedback', own: 1200, shown: 1200 });
    expect(next.label).toBe('anger');
    expect(next.intensity).toBeCloseTo(0.8, 12);
  });
  it('decays intensity over steps without changing the label, and never mutates its input', () => {
    const joy = createEmotionState('joy', { intensity: 1 });
    const frozen = Object.freeze({ ...joy });
    const next = updateEmotion(frozen, { kind: 'decay', steps: 2 }, { decay: 0.5 });
    expect(next.label).toBe('joy');
    expect(next.intensity).toBeCloseTo(0.25, 12);
    expect(next.valence).toBeCloseTo(0.9 * 0.25, 12);
    expect(frozen.intensity).toBe(1);
  });
  it('moves Plutchik states on the wheel', () => {
    const serenity = createEmotionState('serenity', { model: 'plutchik' });
    const next = updateEmotion(serenity, { kind: 'feedback', own: 1000, shown: 5000 });
    expect(next.model).toBe('plutchik');
    expect(next.label).toBe('amazement');
  });
});
