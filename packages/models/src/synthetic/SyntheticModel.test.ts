import { describe, expect, it } from 'vitest';
import type { ChatMessage, ModelRequest, SimulationHints } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { ANSWER_TEMPLATES } from './answerTemplates.js';
import { SYNTHETIC_NO_HINTS_TEXT, SyntheticModel } from './SyntheticModel.js';
import { SYNTHETIC_BANNER } from './syntheticBanner.js';

const MESSAGES: ChatMessage[] = [
  { role: 'system', content: 'You are a persona feeling annoyance.' },
  { role: 'user', content: 'How far is it from Fargo, ND to Seattle, WA, in miles?' },
];
const KM = { unit: 'km', factor: 0.621371 };
const hints = (extra: Partial<SimulationHints> = {}): SimulationHints => ({
  truth: 1194,
  unit: 'mi',
  confusableUnit: KM,
  ...extra,
});
const ESTIMATE_SCHEMA = {
  type: 'object',
  properties: { estimate: { type: 'number' }, confidence: { type: 'number' }, reasoning: { type: 'string' } },
  required: ['estimate'],
};

/**
 * A small answer reader, as a parser downstream must be: ranges -> midpoint, "1.2k" -> 1200,
 * thousands separators, the unit word after the number; null when there is no number.
 */
function readAnswer(text: string): { value: number; unit: string } | null {
  const number = String.raw`(\d[\d,]*(?:\.\d+)?k?)`;
  const match = new RegExp(`${number}(?:\\s*(?:-|–|to)\\s*${number})?\\s*(miles|km)?`).exec(text);
  if (match === null) return null;
  const toNumber = (s: string) =>
    s.endsWith('k') ? Number(s.slice(0, -1)) * 1000 : Number(s.replaceAll(',', ''));
  const low = toNumber(match[1] as string);
  const value = match[2] === undefined ? low : (low + toNumber(match[2])) / 2;
  return { value, unit: match[3] ?? '' };
}

async function many(model: SyntheticModel, n: number, make: (seed: number) => ModelRequest) {
  const out = [];
  for (let seed = 0; seed < n; seed++) out.push(await model.generate(make(seed)));
  return out;
}

describe('SyntheticModel: identity', () => {
  it('says it is not a language model', () => {
    const info = new SyntheticModel().info();
    expect(info).toMatchObject({ id: 'synthetic', backend: 'synthetic', isLanguageModel: false });
    expect(SYNTHETIC_BANNER).toMatch(/not a language model/);
    expect(SYNTHETIC_BANNER).toMatch(/--model ollama:NAME/);
    expect(SYNTHETIC_BANNER).not.toMatch(/\n/);
  });

  it('is always ready and closes cleanly', async () => {
    const model = new SyntheticModel();
    await expect(model.ready()).resolves.toBeUndefined();
    await expect(model.close()).resolves.toBeUndefined();
  });

  it('rejects invalid parameters at construction', () => {
    expect(() => new SyntheticModel({ parameters: { refusalRate: 1.5 } })).toThrow(/refusalRate/);
    expect(() => new SyntheticModel({ parameters: { baseLogSd: -1 } })).toThrow(/baseLogSd/);
    expect(() => new SyntheticModel({ parameters: { baseLogBias: Number.NaN } })).toThrow(/baseLogBias/);
  });
});

describe('SyntheticModel: without hints', () => {
  it('declines politely with no number, so parsing fails loudly', async () => {
    const model = new SyntheticModel();
    for (const request of [
      { messages: MESSAGES },
      { messages: MESSAGES, hints: hints({ truth: 0 }) },
      { messages: MESSAGES, hints: hints({ truth: Number.NaN }), schema: ESTIMATE_SCHEMA },
    ]) {
      const response = await model.generate(request);
      expect(response.text).toBe(SYNTHETIC_NO_HINTS_TEXT);
      expect(response.text).not.toMatch(/\d/);
      expect(response.structured).toBeUndefined();
    }
  });
});

describe('SyntheticModel: determinism', () => {
  const model = new SyntheticModel();
  const emotion = { label: 'annoyance', valence: -0.5, arousal: 0.4, intensity: 0.7 };

  it('gives the same text for the same seed, replicate and hints', async () => {
    for (let seed = 0; seed < 200; seed++) {
      const request: ModelRequest = { messages: MESSAGES, options: { seed }, hints: hints({ emotion }) };
      const a = await model.generate(request);
      const b = await new SyntheticModel().generate({
        ...request,
        hints: hints({ emotion: { ...emotion } }),
      });
      expect(b.text).toBe(a.text);
    }
  });

  it('changes the answer when the seed, the replicate or a hint changes', async () => {
    const base: ModelRequest = { messages: MESSAGES, options: { seed: 1 }, hints: hints({ emotion }) };
    const texts = async (vary: (i: number) => ModelRequest) =>
      new Set((await many(model, 50, vary)).map((r) => r.text)).size;
    expect(await texts((i) => ({ ...base, options: { seed: i } }))).toBeGreaterThan(35);
    expect(await texts((i) => ({ ...base, replicate: i }))).toBeGreaterThan(35);
    expect(
      await texts((i) => ({ ...base, hints: hints({ emotion, familiarity: i / 100 }) })),
    ).toBeGreaterThan(35);
  });
});

describe('SyntheticModel: free-text answers', () => {
  const model = new SyntheticModel();
  const N = 4000;

  it('writes numbers a parser can read, in several forms, with refusals at the set rate', async () => {
    const responses = await many(model, N, (seed) => ({
      messages: MESSAGES,
      options: { seed },
      hints: hints(),
    }));
    const read = responses.map((r) => readAnswer(r.text));
    const refusals = read.filter((r) => r === null).length / N;
    expect(refusals).toBeGreaterThan(0.003);
    expect(refusals).toBeLessThan(0.02);
    const texts = responses.map((r) => r.text);
    const ranges = texts.filter((t) => /\d\s*(-|–|to)\s*\d/.test(t)).length / N;
    expect(ranges).toBeGreaterThan(0.05);
    expect(ranges).toBeLessThan(0.09);
    expect(texts.some((t) => /\dk miles/.test(t))).toBe(true);
    expect(texts.some((t) => /\d,\d{3} miles/.test(t))).toBe(true);
    expect(texts.some((t) => /[^\d,]\d{4} miles/.test(t))).toBe(true);
    expect(texts.some((t) => / km\b/.test(t))).toBe(true);
    // The numbers read back carry the model's log-normal crowd: median near T * exp(-0.15).
    const miles = read
      .filter((r) => r !== null)
      .map((r) => (r.unit === 'km' ? r.value * KM.factor : r.value))
      .sort((a, b) => a - b);
    const median = miles[miles.length >> 1] as number;
    expect(median).toBeGreaterThan(900);
    expect(median).toBeLessThan(1150);
  });

  it('follows a configured refusal rate', async () => {
    const refusing = new SyntheticModel({ parameters: { refusalRate: 0.5 } });
    const never = new SyntheticModel({ parameters: { refusalRate: 0 } });
    const make = (seed: number): ModelRequest => ({ messages: MESSAGES, options: { seed }, hints: hints() });
    const half = (await many(refusing, 1000, make)).filter((r) => readAnswer(r.text) === null).length;
    expect(half).toBeGreaterThan(430);
    expect(half).toBeLessThan(570);
    expect((await many(never, 1000, make)).every((r) => readAnswer(r.text) !== null)).toBe(true);
  });

  it("words the answer in the persona's emotion", async () => {
    const labels = {
      joy: 'joy',
      anger: 'anger',
      fear: 'fear',
      sadness: 'sadness',
      surprise: 'surprise',
    } as const;
    const seen = new Map<string, Set<string>>();
    for (const [group, label] of Object.entries(labels)) {
      const emotion = { label, valence: 0, arousal: 0, intensity: 0.8 };
      const responses = await many(model, 300, (seed) => ({
        messages: MESSAGES,
        options: { seed },
        hints: hints({ emotion }),
      }));
      const own = ANSWER_TEMPLATES[group as keyof typeof labels];
      const openings = new Set<string>();
      for (const { text } of responses) {
        const template = own.answers.find(
          ([prefix, suffix]) => text.startsWith(prefix) && text.endsWith(suffix),
        );
        expect(template !== undefined || own.refusals.includes(text)).toBe(true);
        if (template) openings.add(template[0]);
      }
      expect(openings.size).toBe(own.answers.length);
      seen.set(group, openings);
    }
    expect([...(seen.get('anger') ?? [])].some((p) => p.startsWith('Ugh'))).toBe(true);
    const all = [...seen.values()].flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('truncates at maxTokens', async () => {
    const response = await model.generate({
      messages: MESSAGES,
      options: { seed: 3, maxTokens: 2 },
      hints: hints(),
    });
    expect(response.text.length).toBeLessThanOrEqual(8);
  });
});

describe('SyntheticModel: structured answers', () => {
  const model = new SyntheticModel();

  it('returns valid JSON matching the structured field for a schema request', async () => {
    const responses = await many(model, 2000, (seed) => ({
      messages: MESSAGES,
      options: { seed },
      hints: hints({ emotion: { label: 'fear', valence: -0.7, arousal: 0.8, intensity: 1 } }),
      schema: ESTIMATE_SCHEMA,
    }));
    let confusedSeen = 0;
    for (const response of responses) {
      const parsed = JSON.parse(response.text) as {
        estimate: number | null;
        confidence: number;
        reasoning: string;
      };
      expect(response.structured).toEqual(parsed);
      expect(Object.keys(parsed).sort()).toEqual(['confidence', 'estimate', 'reasoning']);
      expect(parsed.estimate === null || (typeof parsed.estimate === 'number' && parsed.estimate > 0)).toBe(
        true,
      );
      expect(parsed.confidence).toBeGreaterThanOrEqual(0);
      expect(parsed.confidence).toBeLessThanOrEqual(1);
      if (parsed.reasoning.includes('answered in km')) confusedSeen++;
    }
    expect(confusedSeen).toBeGreaterThan(10);
    expect(
      responses.filter((r) => (r.structured as { estimate: unknown }).estimate === null).length,
    ).toBeGreaterThan(2);
  });

  it('fills a unit field when the schema has one', async () => {
    const schema = {
      ...ESTIMATE_SCHEMA,
      properties: { ...ESTIMATE_SCHEMA.properties, unit: { type: 'string' } },
    };
    const responses = await many(model, 1000, (seed) => ({
      messages: MESSAGES,
      options: { seed },
      hints: hints(),
      schema,
    }));
    const units = responses
      .map((r) => r.structured as { unit?: string; estimate: number | null })
      .filter((s) => s.estimate !== null)
      .map((s) => s.unit);
    expect(units.every((u) => u === 'mi' || u === 'km')).toBe(true);
    expect(units.filter((u) => u === 'km').length).toBeGreaterThan(5);
  });

  it('drops the structured field when maxTokens cuts the JSON', async () => {
    const response = await model.generate({
      messages: MESSAGES,
      options: { seed: 1, maxTokens: 5 },
      hints: hints(),
      schema: ESTIMATE_SCHEMA,
    });
    expect(response.structured).toBeUndefined();
    expect(() => JSON.parse(response.text)).toThrow();
  });
});

describe('SyntheticModel: response fields', () => {
  it('approximates usage at 4 characters a token and reports an uncached, measured call', async () => {
    const response = await new SyntheticModel().generate({
      messages: MESSAGES,
      options: { seed: 9 },
      hints: hints(),
    });
    const promptChars = MESSAGES.reduce((s, m) => s + m.content.length, 0);
    expect(response.usage.promptTokens).toBe(Math.ceil(promptChars / 4));
    expect(response.usage.completionTokens).toBe(Math.ceil(response.text.length / 4));
    expect(response.cached).toBe(false);
    expect(response.model).toBe('synthetic');
    expect(response.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('throws an aborted ModelError for an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const call = new SyntheticModel().generate({
      messages: MESSAGES,
      hints: hints(),
      signal: controller.signal,
    });
    await expect(call).rejects.toBeInstanceOf(ModelError);
    await expect(call).rejects.toMatchObject({ kind: 'aborted' });
  });
});
