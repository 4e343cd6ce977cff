import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SENTIMENT_GROUPS } from '../goemotions/emotionGroups.js';
import type { GoEmotionsRow } from '../goemotions/readGoEmotions.js';
import { decodeClassifierModel, encodeClassifierModel } from './classifierModelFile.js';
import { createEmotionClassifier } from './createEmotionClassifier.js';
import { trainEmotionClassifier } from './trainEmotionClassifier.js';

// gratitude 15, anger 2, joy 17, neutral 27, sadness 25
const templates: Array<[string, number[]]> = [
  ['thank you so much for this', [15]],
  ['thanks a lot, really appreciate it', [15]],
  ['this makes me so angry, I hate it', [2]],
  ['I am furious about this garbage', [2]],
  ['so happy today, what a great day', [17]],
  ['the meeting is at noon on Tuesday', [27]],
  ['I miss her so much, it is so sad', [25]],
];
const rows: GoEmotionsRow[] = Array.from({ length: 140 }, (_, i) => {
  const [text, labels] = templates[i % templates.length] as [string, number[]];
  return { text: `${text} ${['', '!', ' really', ' today'][i % 4]}`, labels, id: `r${i}` };
});

describe('classifier training and model file', () => {
  const model = trainEmotionClassifier({ train: rows, dev: rows, minDf: 1, l2: 0.1, maxIterations: 60 });

  it('learns separable emotions and predicts at every level', () => {
    const c = createEmotionClassifier(model);
    expect(c.predict('thank you so much').labels[0]).toBe('gratitude');
    expect(c.predict('I hate it, so angry').labels[0]).toBe('anger');
    expect(c.predict('thank you so much', 'sentiment').labels[0]).toBe('positive');
    expect(c.predict('I miss her, so sad', 'ekman').labels[0]).toBe('sadness');
    const p = c.probabilities('thank you so much');
    expect(p).toHaveLength(28);
    expect(c.labels('ekman')).toHaveLength(7);
    const prediction = c.predict('thanks a lot');
    expect(prediction.scores).toEqual([...prediction.scores].sort((a, b) => b - a));
  });

  it('round-trips through the quantised file without changing predictions', () => {
    const bytes = encodeClassifierModel(model);
    const decoded = decodeClassifierModel(bytes);
    expect(decoded.vocabulary).toEqual(model.vocabulary);
    expect(decoded.heads.map((h) => h.thresholds)).toEqual(model.heads.map((h) => h.thresholds));
    const a = createEmotionClassifier(model);
    const b = createEmotionClassifier(decoded);
    for (const [text] of templates) {
      expect(b.predict(text).labels).toEqual(a.predict(text).labels);
      const pa = a.probabilities(text);
      b.probabilities(text).forEach((v, k) => {
        expect(Math.abs(v - (pa[k] as number))).toBeLessThan(1e-6);
      });
    }
  });

  it('answers coarse levels from the fine head when a model has no head of their own', () => {
    const fineOnly = trainEmotionClassifier({
      train: rows,
      dev: rows,
      minDf: 1,
      l2: 0.1,
      maxIterations: 60,
      levels: ['goemotions'],
    });
    const c = createEmotionClassifier(fineOnly);
    const fine = c.probabilities('thank you so much');
    const coarse = c.probabilities('thank you so much', 'sentiment');
    const positiveMembers = (SENTIMENT_GROUPS.positive ?? []).map(
      (l) => fine[c.labels().indexOf(l)] as number,
    );
    expect(positiveMembers).toHaveLength(12);
    expect(coarse[0]).toBe(Math.max(...positiveMembers));
    expect(c.predict('thank you so much', 'sentiment').labels[0]).toBe('positive');
  });

  it('rejects files that are not classifier files', () => {
    expect(() => decodeClassifierModel(gzipSync(Buffer.from('hello world')))).toThrow(
      'not an emocrowd classifier file',
    );
  });
});
