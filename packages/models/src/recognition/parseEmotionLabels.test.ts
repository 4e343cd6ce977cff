import { describe, expect, it } from 'vitest';
import { labelsForLevel } from '../goemotions/emotionLevel.js';
import { GOEMOTIONS_LABELS } from '../goemotions/goEmotionsLabels.js';
import { buildRecognitionPrompt } from './buildRecognitionPrompt.js';
import { parseEmotionLabels } from './parseEmotionLabels.js';

describe('parseEmotionLabels', () => {
  it('reads exact names regardless of case, punctuation and markdown', () => {
    expect(parseEmotionLabels('Joy.', GOEMOTIONS_LABELS)).toEqual(['joy']);
    expect(parseEmotionLabels('**Gratitude**, ADMIRATION', GOEMOTIONS_LABELS)).toEqual([
      'gratitude',
      'admiration',
    ]);
    expect(parseEmotionLabels('1. remorse\n2. sadness', GOEMOTIONS_LABELS)).toEqual(['remorse', 'sadness']);
  });

  it('maps synonyms and inflections to the candidate labels', () => {
    expect(parseEmotionLabels('The emotion is happiness, maybe a bit thankful.', GOEMOTIONS_LABELS)).toEqual([
      'joy',
      'gratitude',
    ]);
    expect(parseEmotionLabels('The writer sounds annoyed and confused', GOEMOTIONS_LABELS)).toEqual([
      'annoyance',
      'confusion',
    ]);
    expect(parseEmotionLabels('No emotion.', GOEMOTIONS_LABELS)).toEqual(['neutral']);
  });

  it('folds fine-grained emotions into Ekman and sentiment groups', () => {
    expect(parseEmotionLabels('annoyance', labelsForLevel('ekman'))).toEqual(['anger']);
    expect(parseEmotionLabels('grateful', labelsForLevel('sentiment'))).toEqual(['positive']);
    expect(parseEmotionLabels('Curiosity', labelsForLevel('sentiment'))).toEqual(['ambiguous']);
  });

  it('skips negated mentions and repeated labels and returns nothing for no label', () => {
    expect(
      parseEmotionLabels("annoyed, not scared, and certainly isn't sad; annoyed!", labelsForLevel('ekman')),
    ).toEqual(['anger']);
    expect(parseEmotionLabels('I cannot tell.', GOEMOTIONS_LABELS)).toEqual([]);
  });

  it('uses the spelling of custom label sets', () => {
    expect(parseEmotionLabels('definitely POSITIVE', ['Positive', 'Negative'])).toEqual(['Positive']);
  });
});

describe('buildRecognitionPrompt', () => {
  it('lists the labels the way Peng et al. do', () => {
    expect(buildRecognitionPrompt('  Thanks!  ', ['joy', 'gratitude', 'neutral'])).toBe(
      'Classify the emotion of the sentence to joy, gratitude or neutral: Thanks!',
    );
    expect(buildRecognitionPrompt('Meh', ['positive', 'negative'], 'sentiment')).toBe(
      'Classify the sentiment of the sentence to positive or negative: Meh',
    );
    expect(() => buildRecognitionPrompt('x', [])).toThrow(RangeError);
  });
});
