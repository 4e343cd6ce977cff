import { goEmotionsDir } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { EMOTION_LEVELS } from '../goemotions/emotionLevel.js';
import { GOEMOTIONS_LABELS } from '../goemotions/goEmotionsLabels.js';
import { readGoEmotions } from '../goemotions/readGoEmotions.js';
import { evaluateRecognition } from './evaluateRecognition.js';
import { loadBuiltinClassifier } from './loadBuiltinClassifier.js';

const DATA = goEmotionsDir();

describe('loadBuiltinClassifier', () => {
  it('loads the shipped model once and recognises plain emotions', () => {
    const c = loadBuiltinClassifier();
    expect(loadBuiltinClassifier()).toBe(c);
    expect(c.predict('Thank you so much, I really appreciate it!').labels[0]).toBe('gratitude');
    expect(c.predict('I am so sorry, that was my fault. I regret it.').labels).toContain('remorse');
    expect(c.predict('What is this? I have no idea what is going on.').labels).toEqual(
      expect.arrayContaining([expect.stringMatching(/confusion|curiosity/)]),
    );
    expect(c.predict('Thank you so much, I love it!', 'sentiment').labels).toEqual(['positive']);
    expect(c.predict('This is disgusting and I hate it', 'ekman').labels[0]).toMatch(/anger|disgust/);
    expect(c.labels('sentiment')).toEqual(['positive', 'negative', 'ambiguous', 'neutral']);
  });

  it('reproduces its recorded test-split scores', async () => {
    const c = loadBuiltinClassifier();
    const test = await readGoEmotions(DATA, 'test');
    const gold = test.map((r) => r.labels.map((id) => GOEMOTIONS_LABELS[id] as string));
    const recorded = c.info.test as Record<string, { macroF1: number }>;
    for (const level of EMOTION_LEVELS) {
      const pred = test.map((r) => c.predict(r.text, level).labels);
      const report = evaluateRecognition(gold, pred, level);
      expect(report.macroF1).toBeCloseTo(recorded[level]?.macroF1 ?? Number.NaN, 3);
      expect(report.macroF1).toBeGreaterThan({ goemotions: 0.4, ekman: 0.55, sentiment: 0.62 }[level]);
    }
  });
});
