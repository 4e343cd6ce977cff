import { GOEMOTIONS_LABELS } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { GOEMOTIONS_CIRCUMPLEX } from './circumplex.js';
import { createEmotionState, plutchikState } from './EmotionState.js';
import { ekmanGroupOf, sentimentOf } from './goEmotionGroups.js';
import {
  PLUTCHIK_EMOTIONS,
  PLUTCHIK_PAIRS,
  PLUTCHIK_WHEEL,
  parsePlutchikTerm,
  plutchikTerm,
} from './plutchik.js';
import { GOEMOTION_TO_PLUTCHIK, goEmotionToPlutchik, plutchikToGoEmotion } from './plutchikMapping.js';

describe('GoEmotions groupings', () => {
  it('place every label in one Ekman and one sentiment group, neutral alone', () => {
    expect(ekmanGroupOf('annoyance')).toBe('anger');
    expect(ekmanGroupOf('curiosity')).toBe('surprise');
    expect(ekmanGroupOf('neutral')).toBe('neutral');
    expect(sentimentOf('relief')).toBe('positive');
    expect(sentimentOf('confusion')).toBe('ambiguous');
    expect(sentimentOf('neutral')).toBe('neutral');
    const emotions = GOEMOTIONS_LABELS.filter((l) => l !== 'neutral');
    expect(emotions.every((l) => ekmanGroupOf(l) !== 'neutral' && sentimentOf(l) !== 'neutral')).toBe(true);
  });
});

describe('circumplex', () => {
  it('gives every label a point in [-1, 1]^2 that agrees with its sentiment group', () => {
    for (const label of GOEMOTIONS_LABELS) {
      const { valence, arousal } = GOEMOTIONS_CIRCUMPLEX[label];
      expect(Math.abs(valence)).toBeLessThanOrEqual(1);
      expect(Math.abs(arousal)).toBeLessThanOrEqual(1);
      if (sentimentOf(label) === 'positive') expect(valence).toBeGreaterThan(0);
      if (sentimentOf(label) === 'negative') expect(valence).toBeLessThan(0);
    }
    expect(GOEMOTIONS_CIRCUMPLEX.neutral).toEqual({ valence: 0, arousal: 0 });
  });
  it('orders arousal as Russell does: anger and excitement high, sadness and relief low', () => {
    const a = (l: keyof typeof GOEMOTIONS_CIRCUMPLEX) => GOEMOTIONS_CIRCUMPLEX[l].arousal;
    expect(a('anger')).toBeGreaterThan(a('annoyance'));
    expect(a('excitement')).toBeGreaterThan(a('joy'));
    expect(a('sadness')).toBeLessThan(0);
    expect(a('relief')).toBeLessThan(0);
  });
});

describe('Plutchik wheel', () => {
  it('has eight emotions in four opposing pairs with three terms each', () => {
    expect(PLUTCHIK_EMOTIONS).toHaveLength(8);
    expect(PLUTCHIK_PAIRS).toHaveLength(4);
    for (const [a, b] of PLUTCHIK_PAIRS) {
      expect(PLUTCHIK_WHEEL[a].opposite).toBe(b);
      expect(PLUTCHIK_WHEEL[b].opposite).toBe(a);
    }
    expect(new Set(PLUTCHIK_PAIRS.flat()).size).toBe(8);
    expect(PLUTCHIK_WHEEL.joy.terms).toEqual(['serenity', 'joy', 'ecstasy']);
    expect(PLUTCHIK_WHEEL.anticipation.terms).toEqual(['interest', 'anticipation', 'vigilance']);
  });
  it('words intensities and reads terms back', () => {
    expect(plutchikTerm('joy', 0.2)).toBe('serenity');
    expect(plutchikTerm('joy', 0.6)).toBe('joy');
    expect(plutchikTerm('anger', 0.9)).toBe('rage');
    expect(parsePlutchikTerm('loathing')).toEqual({ emotion: 'disgust', level: 2 });
    expect(parsePlutchikTerm('happiness')).toBeUndefined();
  });
});

describe('Plutchik <-> GoEmotions', () => {
  it('maps every Plutchik ring to a GoEmotions label that maps back to the same spoke', () => {
    for (const emotion of PLUTCHIK_EMOTIONS) {
      for (const level of [0, 1, 2] as const) {
        const label = plutchikToGoEmotion(emotion, level);
        expect(goEmotionToPlutchik(label)?.emotion).toBe(emotion);
      }
    }
  });
  it('maps every GoEmotions label except neutral, keeping exact Plutchik words on their ring', () => {
    expect(Object.keys(GOEMOTION_TO_PLUTCHIK).sort()).toEqual([...GOEMOTIONS_LABELS].sort());
    expect(goEmotionToPlutchik('neutral')).toBeNull();
    expect(goEmotionToPlutchik('annoyance')).toEqual({ emotion: 'anger', level: 0 });
    expect(goEmotionToPlutchik('admiration')).toEqual({ emotion: 'trust', level: 2 });
    expect(goEmotionToPlutchik('grief')).toEqual({ emotion: 'sadness', level: 2 });
  });
});

describe('createEmotionState', () => {
  it('scales the circumplex point by intensity', () => {
    const s = createEmotionState('anger', { intensity: 0.5 });
    expect(s).toEqual({ model: 'goemotions', label: 'anger', intensity: 0.5, valence: -0.375, arousal: 0.4 });
    expect(createEmotionState('joy').intensity).toBe(0.7);
  });
  it('reads Plutchik terms with their ring intensity and relabels by intensity', () => {
    const serenity = createEmotionState('serenity', { model: 'plutchik' });
    expect(serenity.label).toBe('serenity');
    expect(serenity.intensity).toBe(0.35);
    expect(createEmotionState('joy', { model: 'plutchik', intensity: 0.9 }).label).toBe('ecstasy');
    expect(plutchikState('fear', 0.1).label).toBe('apprehension');
  });
  it('rejects unknown labels', () => {
    expect(() => createEmotionState('happiness')).toThrow(/unknown GoEmotions label "happiness"/);
    expect(() => createEmotionState('curiosity', { model: 'plutchik' })).toThrow(/unknown Plutchik/);
  });
});
