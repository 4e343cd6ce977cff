import { describe, expect, it } from 'vitest';
import { SOCIAL_DIMENSIONS, socialValue } from './socialDimensions.js';
import { socialTraits } from './socialTraits.js';

describe('social dimensions', () => {
  it('have distinct value ids, a source, and traits within 0..1', () => {
    for (const [key, dim] of Object.entries(SOCIAL_DIMENSIONS)) {
      expect(dim.id).toBe(key);
      expect(dim.source.length).toBeGreaterThan(5);
      expect(new Set(dim.values.map((v) => v.id)).size).toBe(dim.values.length);
      for (const v of dim.values) {
        expect(v.phrase.endsWith('.')).toBe(true);
        for (const t of Object.values(v.traits ?? {})) expect(t >= 0 && t <= 1).toBe(true);
      }
    }
    expect(SOCIAL_DIMENSIONS.age?.values.map((v) => v.id)).toEqual([
      '18-24',
      '25-34',
      '35-44',
      '45-54',
      '55-64',
      '65+',
    ]);
    expect(SOCIAL_DIMENSIONS.education?.values).toHaveLength(6);
    expect(socialValue('region', 'upper-midwest')?.traits?.familiarity).toBe(0.9);
    expect(socialValue('region', 'moon')).toBeUndefined();
  });
});

describe('socialTraits', () => {
  it('averages numeracy and takes the highest familiarity, ignoring custom dimensions', () => {
    expect(
      socialTraits({ education: 'graduate', occupation: 'sales', region: 'outside-us', occupation2: 'x' }),
    ).toEqual({
      numeracy: (0.85 + 0.5) / 2,
      familiarity: 0.2,
    });
    expect(socialTraits({ region: 'outside-us', occupation: 'transportation' }).familiarity).toBe(0.7);
    expect(socialTraits({ age: '25-34', hobby: 'chess' })).toEqual({});
  });
});
