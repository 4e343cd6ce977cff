import { describe, expect, it } from 'vitest';
import { getTask } from '../task/builtInTasks.js';
import { parseAnswer, parseStructuredAnswer } from './parseAnswer.js';

const fargo = getTask('fargo-seattle');
const cow = getTask('planet-money-cow');
const beans = getTask('jelly-beans-jb1');
const border = getTask('lorenz-swiss-italy-border');
const density = getTask('lorenz-swiss-density');
const murders = getTask('lorenz-swiss-murders-2006');
const KM = 1 / 1.609344;

type Row = [
  text: string,
  expected: number | string,
  extra?: { isRange?: boolean; confidence?: number; unit?: string },
];

/** Answers in the shapes real models produce; expected = estimate in miles, or the start of the unparsed reason. */
const FARGO_ROWS: Row[] = [
  ['1194', 1194],
  ['1,194', 1194],
  ['1194 miles', 1194, { unit: 'mi' }],
  ['About 1,200 miles.', 1200, { unit: 'mi' }],
  ['approximately 1,400 miles', 1400],
  ['~1,300 mi', 1300, { unit: 'mi' }],
  ['Roughly 1.2k miles', 1200],
  ['about 1.2K', 1200],
  ['1.3 thousand miles', 1300],
  ['It is around 1194.5 miles.', 1194.5],
  ['1,921 km', 1921 * KM, { unit: 'km' }],
  ['The distance is about 1900 kilometers.', 1900 * KM, { unit: 'km' }],
  ['roughly 2,000 kilometres as the crow flies', 2000 * KM],
  ['1,194 miles (1,921 km)', 1194, { unit: 'mi' }],
  ['1,921 km (1,194 miles)', 1194, { unit: 'mi' }],
  ['one thousand two hundred miles', 1200],
  ['One thousand, one hundred and ninety-four miles', 1194],
  ['Two thousand one hundred', 2100],
  ['about twelve hundred miles', 1200],
  ['a thousand miles, give or take', 1000],
  ['I would say fifteen hundred miles.', 1500],
  ['1,100-1,300 miles', 1200, { isRange: true, unit: 'mi' }],
  ['1100 - 1300', 1200, { isRange: true }],
  ['1,100–1,300 miles', 1200, { isRange: true }],
  ['between 1100 and 1300 miles', 1200, { isRange: true }],
  ['Between 1,000 and 1,400 miles.', 1200, { isRange: true }],
  ['somewhere from 1,000 to 1,400 miles', 1200, { isRange: true }],
  ['between 1 and 2 thousand miles', 1500, { isRange: true }],
  ['1,800 to 2,000 km', 1900 * KM, { isRange: true, unit: 'km' }],
  ['{"estimate": 1200, "confidence": 0.7, "reasoning": "I-94 then I-90"}', 1200, { confidence: 0.7 }],
  ['{"estimate": 1350, "confidence": 0.55, "reasoning": "Cross-country drive"}', 1350, { confidence: 0.55 }],
  [
    '```json\n{"estimate": 1194, "confidence": 0.8, "reasoning": "straight line"}\n```',
    1194,
    { confidence: 0.8 },
  ],
  ['```\n{"estimate": 1400}\n```', 1400],
  [
    'Here is my answer:\n{"estimate": 1250, "confidence": 0.6, "reasoning": "roughly 20 hours of driving"}',
    1250,
    { confidence: 0.6 },
  ],
  ['{"estimate": "1,300 miles", "confidence": "70%"}', 1300, { confidence: 0.7 }],
  ['{"estimate": 1900, "unit": "km", "confidence": 0.5}', 1900 * KM, { unit: 'km', confidence: 0.5 }],
  ['{"Estimate": 1150, "Confidence": 80}', 1150, { confidence: 0.8 }],
  ['{"answer": 1210}', 1210],
  ['{"distance_miles": 1180}', 1180],
  ['{"estimate": {"low": 1100, "high": 1300}}', 1200, { isRange: true }],
  ['{"estimate": [1000, 1400], "confidence": 0.4}', 1200, { isRange: true, confidence: 0.4 }],
  ['{"estimate": 1200, "confidence": 0.7, "reasoning": "broken", }', 1200, { confidence: 0.7 }],
  [
    'Estimate: 1,250 miles\nConfidence: 0.6\nReasoning: I-94 west to Montana, then I-90.',
    1250,
    { confidence: 0.6 },
  ],
  ["I'm 80% sure it's about 1,200 miles.", 1200, { confidence: 0.8 }],
  ['Confidence: 75%. Estimate: 1300 miles.', 1300, { confidence: 0.75 }],
  ['Taking I-94 west and then I-90, the drive is about 1,400 miles.', 1400],
  ['Via I 94 and I-90 roughly 1,420 miles', 1420],
  [
    'Fargo is in eastern North Dakota and Seattle is on the Pacific coast; the two cities are about 1,200 miles apart.',
    1200,
  ],
  ['The distance is about 1,200 miles by air, but the drive along I-94 is 1,400 miles.', 'conflicting'],
  ['Maybe 1,000 miles, maybe 1,500 miles.', 'conflicting'],
  [
    'Fargo to Billings is 500 miles and Billings to Seattle is 800 miles, so my final answer is 1,300 miles.',
    1300,
  ],
  ['Fargo to Spokane is about 1,000 miles, plus 280 miles to Seattle. **1,280 miles**', 1280],
  ['First I thought 1,000 miles. Final answer: 1,250 miles.', 1250],
  ['Final answer: 1200 miles', 1200],
  ['My best guess is 1,150.', 1150],
  ['1 194 miles', 1194],
  ['1\u202f194 miles', 1194],
  ['1,194.0', 1194],
  ['1200mi', 1200],
  ["I'm sorry, but I can't provide real-time distance information.", 'refusal'],
  ['As an AI, I cannot estimate distances.', 'refusal'],
  ["I don't know.", 'refusal'],
  ['The two cities are far apart.', 'no number'],
  ['', 'no number'],
  ['{"estimate": null, "confidence": 0.1}', 'no number'],
  ['{"estimate": "unknown", "confidence": 0.1, "reasoning": "about 20 hours of driving"}', 'no number'],
  ['{"estimate": "I cannot say", "reasoning": "roughly 1,200 miles maybe"}', 'refusal'],
  ['I cannot be certain, but I estimate roughly 1,300 miles.', 1300],
  ['**Estimate:** 1,350 miles', 1350],
];

describe('parseAnswer (fargo-seattle, miles)', () => {
  it.each(FARGO_ROWS)('%j -> %s', (text, expected, extra) => {
    const result = parseAnswer(text, fargo);
    if (typeof expected === 'string') {
      expect(result.status).toBe('unparsed');
      if (result.status === 'unparsed') expect(result.reason.startsWith(expected)).toBe(true);
      return;
    }
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.estimate).toBeCloseTo(expected, 6);
    expect(result.isRange ?? false).toBe(extra?.isRange ?? false);
    if (extra?.confidence !== undefined) expect(result.confidence).toBeCloseTo(extra.confidence, 9);
    if (extra?.unit !== undefined) expect(result.unit).toBe(extra.unit);
  });
});

describe('parseAnswer (other tasks)', () => {
  const rows: [string, Parameters<typeof parseAnswer>[1], number | string][] = [
    ['Penelope probably weighs about 1,400 pounds.', cow, 1400],
    ['Around 600 kg.', cow, 600 / 0.45359237],
    ['1,200 lbs', cow, 1200],
    ['{"estimate": 1300, "confidence": 0.5, "reasoning": "typical Holstein"}', cow, 1300],
    ['I count roughly 300 jelly beans.', beans, 300],
    ['There are 250 beans in the jar.', beans, 250],
    ['about 734 km', border, 734],
    ['about 450 miles', border, 450 * 1.609344],
    ['around 200 people per square kilometre', density, 200],
    ['about 500 inhabitants per square mile', density, 500 / 2.589988],
    ['In 2006 there were about 50 murders in Switzerland.', murders, 50],
    ['2006', murders, 2006],
  ];
  it.each(rows)('%j', (text, task, expected) => {
    const result = parseAnswer(text, task);
    expect(result.status).toBe('ok');
    if (result.status === 'ok') expect(result.estimate).toBeCloseTo(expected as number, 6);
  });
});

describe('parseStructuredAnswer', () => {
  it('reads the object a backend returned for ANSWER_SCHEMA', () => {
    expect(parseStructuredAnswer({ estimate: 1194, confidence: 0.9, reasoning: 'x' }, fargo)).toEqual({
      status: 'ok',
      estimate: 1194,
      confidence: 0.9,
    });
  });
  it('rejects objects without an estimate and non-objects', () => {
    expect(parseStructuredAnswer({ reasoning: 'no idea' }, fargo).status).toBe('unparsed');
    expect(parseStructuredAnswer([1, 2, 3], fargo).status).toBe('unparsed');
    expect(parseStructuredAnswer({ estimate: true }, fargo).status).toBe('unparsed');
  });
  it('drops confidences outside 0..100', () => {
    const r = parseStructuredAnswer({ estimate: 1000, confidence: 250 }, fargo);
    expect(r).toEqual({ status: 'ok', estimate: 1000 });
  });
});
