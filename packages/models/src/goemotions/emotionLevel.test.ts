import { describe, expect, it } from 'vitest';
import { EKMAN_GROUPS, SENTIMENT_GROUPS } from './emotionGroups.js';
import { labelsForLevel, mapToLevel } from './emotionLevel.js';
import { GOEMOTIONS_LABELS, goEmotionsLabelId, goEmotionsLabelName } from './goEmotionsLabels.js';

describe('GoEmotions taxonomy', () => {
  it('numbers the labels as emotions.txt does', () => {
    expect(GOEMOTIONS_LABELS).toHaveLength(28);
    expect(goEmotionsLabelName(0)).toBe('admiration');
    expect(goEmotionsLabelName(15)).toBe('gratitude');
    expect(goEmotionsLabelName(27)).toBe('neutral');
    expect(goEmotionsLabelId('remorse')).toBe(24);
    expect(() => goEmotionsLabelName(28)).toThrow(RangeError);
  });

  it('places every emotion except neutral in exactly one Ekman and one sentiment group', () => {
    for (const groups of [EKMAN_GROUPS, SENTIMENT_GROUPS]) {
      const members = Object.values(groups).flat();
      expect(new Set(members).size).toBe(members.length);
      expect([...members].sort()).toEqual(GOEMOTIONS_LABELS.filter((l) => l !== 'neutral').sort());
    }
  });

  it('maps multi-label sets to deduplicated groups', () => {
    expect(labelsForLevel('ekman')).toEqual([
      'anger',
      'disgust',
      'fear',
      'joy',
      'sadness',
      'surprise',
      'neutral',
    ]);
    expect(labelsForLevel('sentiment')).toEqual(['positive', 'negative', 'ambiguous', 'neutral']);
    expect(mapToLevel(['anger', 'annoyance', 'gratitude'], 'ekman')).toEqual(['anger', 'joy']);
    expect(mapToLevel(['curiosity', 'neutral'], 'sentiment')).toEqual(['ambiguous', 'neutral']);
    expect(mapToLevel(['grief', 'remorse'], 'sentiment')).toEqual(['negative']);
    expect(mapToLevel(['joy'], 'ekman')).toEqual(['joy']);
    expect(mapToLevel(['positive', 'bogus'], 'sentiment')).toEqual(['positive']);
  });
});
