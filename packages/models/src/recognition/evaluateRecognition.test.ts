import { describe, expect, it } from 'vitest';
import { evaluateRecognition } from './evaluateRecognition.js';

describe('evaluateRecognition', () => {
  const gold = [['joy'], ['anger', 'annoyance'], ['sadness'], ['neutral']];
  const pred = [['joy'], ['annoyance'], ['joy'], []];

  it('computes exact-match and any-overlap accuracy for multi-label rows', () => {
    const r = evaluateRecognition(gold, pred, ['joy', 'anger', 'annoyance', 'sadness', 'neutral']);
    expect(r.level).toBe('custom');
    expect(r.n).toBe(4);
    expect(r.accuracy).toBe(0.25);
    expect(r.anyOverlap).toBe(0.5);
  });

  it('computes per-class precision, recall and F1 and their macro and micro means', () => {
    const r = evaluateRecognition(gold, pred, ['joy', 'anger', 'annoyance', 'sadness', 'neutral']);
    const joy = r.perClass.find((c) => c.label === 'joy');
    expect(joy).toMatchObject({ precision: 0.5, recall: 1, support: 1, predicted: 2 });
    expect(joy?.f1).toBeCloseTo(2 / 3, 12);
    expect(r.perClass.find((c) => c.label === 'annoyance')?.f1).toBe(1);
    expect(r.perClass.find((c) => c.label === 'anger')?.f1).toBe(0);
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0 + 1 + 0 + 0) / 5, 12);
    // tp 2, fp 1, fn 3
    expect(r.microF1).toBeCloseTo(4 / 8, 12);
  });

  it('maps to Ekman and sentiment groups before scoring', () => {
    const ekman = evaluateRecognition(gold, pred, 'ekman');
    expect(ekman.labels).toEqual(['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral']);
    // ['anger','annoyance'] -> ['anger']; ['annoyance'] -> ['anger']: now an exact match
    expect(ekman.accuracy).toBe(0.5);
    const sentiment = evaluateRecognition([['joy'], ['grief']], [['gratitude'], ['remorse']], 'sentiment');
    expect(sentiment.accuracy).toBe(1);
    expect(sentiment.perClass.find((c) => c.label === 'positive')?.f1).toBe(1);
    expect(sentiment.perClass.find((c) => c.label === 'ambiguous')).toMatchObject({ f1: 0, support: 0 });
  });

  it('builds the confusion matrix from single-label rows only', () => {
    const r = evaluateRecognition(gold, pred, ['joy', 'anger', 'annoyance', 'sadness', 'neutral']);
    expect(r.confusion.rows).toBe(2);
    expect(r.confusion.excluded).toBe(2);
    expect(r.confusion.matrix[0]?.[0]).toBe(1); // joy -> joy
    expect(r.confusion.matrix[3]?.[0]).toBe(1); // sadness -> joy
    expect(r.confusion.matrix.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('rejects mismatched lengths and unknown levels', () => {
    expect(() => evaluateRecognition([['joy']], [], 'goemotions')).toThrow(RangeError);
    expect(() => evaluateRecognition([], [], 'plutchik' as 'ekman')).toThrow(RangeError);
  });
});
