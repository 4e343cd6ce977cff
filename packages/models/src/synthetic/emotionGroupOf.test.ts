import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goEmotionsDir } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { emotionGroupOf } from './emotionGroupOf.js';

describe('emotionGroupOf', () => {
  it('follows the GoEmotions Ekman mapping', () => {
    expect(emotionGroupOf('annoyance')).toBe('anger');
    expect(emotionGroupOf('nervousness')).toBe('fear');
    expect(emotionGroupOf('gratitude')).toBe('joy');
    expect(emotionGroupOf('remorse')).toBe('sadness');
    expect(emotionGroupOf('curiosity')).toBe('surprise');
    expect(emotionGroupOf('disgust')).toBe('disgust');
    expect(emotionGroupOf('neutral')).toBe('neutral');
    expect(emotionGroupOf('Anger')).toBe('anger');
    expect(emotionGroupOf(undefined)).toBe('neutral');
  });

  it('maps every label of the dataset file', () => {
    const mapping = JSON.parse(readFileSync(join(goEmotionsDir(), 'ekman_mapping.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    const labels = Object.values(mapping).flat();
    expect(labels).toHaveLength(27); // every GoEmotions label but neutral
    for (const [group, members] of Object.entries(mapping)) {
      for (const label of members) expect(emotionGroupOf(label, 0, 0)).toBe(group);
    }
  });

  it('falls back on valence and arousal for unknown labels', () => {
    expect(emotionGroupOf('elation', 0.8, 0.5)).toBe('joy');
    expect(emotionGroupOf('dread', -0.7, 0.7)).toBe('fear');
    expect(emotionGroupOf('gloom', -0.7, -0.4)).toBe('sadness');
    expect(emotionGroupOf('meh', 0.1, 0)).toBe('neutral');
  });
});
