import type { ResponseRecord } from '@emocrowd/crowd';
import { describe, expect, it } from 'vitest';
import { manipulationCheck } from './manipulationCheck.js';

const record = (
  emotion: string | undefined,
  raw: string | undefined,
  personaIndex: number,
): ResponseRecord => ({
  personaId: `p${personaIndex}`,
  personaIndex,
  ...(emotion === undefined ? {} : { emotion, emotionModel: 'goemotions' as const }),
  attributes: {},
  replicate: 0,
  round: 0,
  status: 'ok',
  estimate: 1000,
  ...(raw === undefined ? {} : { raw }),
  latencyMs: 1,
  tokens: { prompt: 1, completion: 1 },
  cached: false,
  model: 'test',
});

describe('manipulationCheck (built-in classifier, Ekman level)', () => {
  it('counts an answer as expressing its emotion when the Ekman group of the assigned label is predicted', () => {
    const check = manipulationCheck([
      record('anger', '{"estimate": 1200, "reasoning": "I am furious, this question makes me so angry!"}', 0),
      record('annoyance', 'I am furious, this question makes me so angry! About 1,200 miles.', 1),
      record('fear', '{"estimate": 900, "reasoning": "About 1200 miles."}', 2),
      record('nervousness', 'I am terrified and scared I will get it wrong. 1000 miles.', 3),
      record('joy', undefined, 4),
      record(undefined, 'What a wonderful question, I love this!', 5),
    ]);
    expect(check.n).toBe(4);
    expect(check.skipped).toBe(2);
    expect(check.expressed).toBe(3);
    expect(check.share).toBe(0.75);
    const by = Object.fromEntries(check.byEmotion.map((r) => [r.emotion, r]));
    expect(by.anger).toMatchObject({ ekman: 'anger', n: 1, expressed: 1, share: 1, topPredicted: 'anger' });
    expect(by.annoyance).toMatchObject({ ekman: 'anger', share: 1 });
    expect(by.fear).toMatchObject({ ekman: 'fear', share: 0, topPredicted: 'neutral' });
    expect(by.nervousness).toMatchObject({ ekman: 'fear', share: 1 });
    const ekman = Object.fromEntries(check.byEkman.map((r) => [r.emotion, r]));
    expect(ekman.anger).toMatchObject({ n: 2, expressed: 2 });
    expect(ekman.fear).toMatchObject({ n: 2, expressed: 1, share: 0.5 });
  });
});

describe('manipulationCheck of BEAM answers', () => {
  const beam = (word: string, spectrum: string, level: number, raw: string, i: number): ResponseRecord => ({
    ...record(word, raw, i),
    emotionModel: 'beam',
    spectrum,
    signedIntensity: level,
  });

  it('reads BEAM words through their GoEmotions counterparts and checks the order along each spectrum', () => {
    const check = manipulationCheck([
      beam(
        'grief',
        'sadness-joy',
        -1,
        'I am heartbroken and devastated, I cannot stop crying. 1300 miles.',
        0,
      ),
      beam('sadness', 'sadness-joy', -0.6, 'This makes me so sad, I feel down and lonely. 1200 miles.', 1),
      beam('surprise', 'sadness-joy', 0, 'The train was late again. 1100 miles.', 2),
      beam('joy', 'sadness-joy', 0.6, 'I am happy, what a lovely morning! 1000 miles.', 3),
      beam('ecstasy', 'sadness-joy', 1, 'I am so happy, this is amazing and wonderful! 950 miles.', 4),
      beam('heroism', 'fear-courage', 1, 'Bring it on. 1200 miles.', 5),
    ]);
    // heroism has no GoEmotions counterpart, so no Ekman group: skipped for the share, kept for the spectrum
    expect(check.skipped).toBe(1);
    expect(Object.fromEntries(check.byEmotion.map((r) => [r.emotion, r.ekman]))).toMatchObject({
      grief: 'sadness',
      ecstasy: 'joy',
    });
    const [fear, sadJoy] = check.bySpectrum ?? [];
    expect(fear?.spectrum).toBe('fear-courage');
    expect(sadJoy?.n).toBe(5);
    expect(sadJoy?.agreement).toMatchObject({ rho: 1, method: 'exact' });
    expect(sadJoy?.agreement.pValue).toBeCloseTo(1 / 120, 12);
    expect(manipulationCheck([record('joy', 'Yay!', 0)]).bySpectrum).toBeUndefined();
  });
});
