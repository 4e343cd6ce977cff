import {
  type ModelBackend,
  ModelError,
  type ModelInfo,
  type ModelRequest,
  type ModelResponse,
} from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { createEmotionState } from '../emotion/EmotionState.js';
import { createPersonaListSpace } from '../persona/PersonaSpace.js';
import { ANSWER_SCHEMA } from '../prompt/answerSchema.js';
import { SYSTEM_PROMPT } from '../prompt/PromptBuilder.js';
import { getTask } from '../task/builtInTasks.js';
import { answerSeed } from './answerSeed.js';
import { PersonaAgent } from './PersonaAgent.js';

/** A backend that records requests and answers from a script (a response, an error, or a function of the request). */
class ScriptedBackend implements ModelBackend {
  readonly requests: ModelRequest[] = [];
  constructor(
    private readonly script: (request: ModelRequest) => Partial<ModelResponse> | Error | Promise<never>,
  ) {}
  info(): ModelInfo {
    return { id: 'fake:scripted', backend: 'fake', model: 'scripted', isLanguageModel: true };
  }
  async generate(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(request);
    const out = await this.script(request);
    if (out instanceof Error) throw out;
    return {
      text: '',
      usage: { promptTokens: 11, completionTokens: 7 },
      latencyMs: 5,
      cached: false,
      model: 'fake:scripted',
      ...out,
    };
  }
}

const task = getTask('fargo-seattle');
const space = createPersonaListSpace('two', [
  {
    emotion: createEmotionState('anger', { intensity: 0.9 }),
    attributes: { region: 'upper-midwest', education: 'graduate' },
  },
  {
    emotion: createEmotionState('relief', { intensity: 0.5 }),
    attributes: { region: 'outside-us', education: 'high-school' },
  },
]);
const angry = space.at(0);
const relieved = space.at(1);

describe('PersonaAgent', () => {
  it('builds, without sending it, exactly the request answer() sends', async () => {
    const backend = new ScriptedBackend(() => ({ text: '{"estimate": 1300}' }));
    const agent = new PersonaAgent({ backend, condition: 'emotion' });
    const ctx = { runSeed: 42, replicate: 1, round: 0, options: { temperature: 0.5 } };
    const built = agent.request(relieved, task, ctx);
    expect(backend.requests).toHaveLength(0);
    await agent.answer(relieved, task, ctx);
    expect(backend.requests[0]).toEqual(built);
    expect(built.options?.seed).toBe(answerSeed(42, relieved.index, 1, 0));
  });

  it('sends the exact messages, schema, seeded options, hints and replicate', async () => {
    const backend = new ScriptedBackend(() => ({
      text: '{"estimate": 1300, "confidence": 0.6, "reasoning": "r"}',
    }));
    const agent = new PersonaAgent({ backend, condition: 'combined' });
    const answer = await agent.answer(relieved, task, {
      runSeed: 1000,
      replicate: 0,
      round: 0,
      options: { temperature: 0.8, maxTokens: 128, keepAlive: '30m' },
    });
    const [request] = backend.requests;
    expect(request?.messages).toEqual([
      { role: 'system', content: SYSTEM_PROMPT },
      {
        role: 'user',
        content:
          'You live outside the United States. Your highest education is a high school diploma.\n' +
          'You are feeling relief. Let this feeling colour how you think and answer.\n\n' +
          'What is the straight-line (as the crow flies) distance between Fargo, North Dakota and Seattle, Washington? Give your estimate in miles.\n\n' +
          'Reply with JSON only, in this form: {"estimate": <a number in miles>, "confidence": <0 to 1>, "reasoning": "<one short sentence>"}',
      },
    ]);
    expect(request?.options).toEqual({ temperature: 0.8, maxTokens: 128, keepAlive: '30m', seed: 1001 });
    expect(request?.schema).toBe(ANSWER_SCHEMA);
    expect(request?.replicate).toBe(0);
    expect(request?.hints).toEqual({
      truth: 1194,
      unit: 'mi',
      confusableUnit: { unit: 'km', factor: 1 / 1.609344 },
      emotion: { label: 'relief', valence: 0.3, arousal: -0.2, intensity: 0.5 },
      familiarity: 0.2,
      numeracy: 0.45,
    });
    expect(answer).toEqual({
      personaId: relieved.id,
      personaIndex: 1,
      replicate: 0,
      round: 0,
      status: 'ok',
      estimate: 1300,
      confidence: 0.6,
      raw: '{"estimate": 1300, "confidence": 0.6, "reasoning": "r"}',
      latencyMs: 5,
      tokens: { prompt: 11, completion: 7 },
      cached: false,
      model: 'fake:scripted',
    });
  });

  it('offsets the seed for replicates and rounds and passes social context to prompt and hints', async () => {
    const backend = new ScriptedBackend(() => ({ text: '1200' }));
    const agent = new PersonaAgent({ backend, condition: 'combined' });
    await agent.answer(angry, task, {
      runSeed: 7,
      replicate: 2,
      round: 1,
      social: { previousEstimate: 1500, shown: { kind: 'neighbours', values: [1000, 3000, 1100] } },
    });
    const request = backend.requests[0];
    expect(request?.options?.seed).toBe(answerSeed(7, 0, 2, 1));
    expect(request?.options?.seed).toBe(7 + 2 * 10_000_019 + 100_000_007);
    expect(request?.replicate).toBe(2);
    expect(request?.hints?.socialAnchor).toBe(1100);
    expect(request?.hints?.previousEstimate).toBe(1500);
    expect(request?.hints?.familiarity).toBe(0.9); // lives in the Upper Midwest, listed as familiar with the task
    expect(request?.messages[1]?.content).toContain(
      'Earlier you estimated 1,500 miles. Other participants estimated 1,000, 3,000, 1,100 miles.',
    );
  });

  it('hides social hints in the emotion condition and emotion hints in the social condition', async () => {
    const backend = new ScriptedBackend(() => ({ text: '1200' }));
    await new PersonaAgent({ backend, condition: 'emotion' }).answer(angry, task, {
      runSeed: 0,
      replicate: 0,
      round: 0,
    });
    await new PersonaAgent({ backend, condition: 'social' }).answer(angry, task, {
      runSeed: 0,
      replicate: 0,
      round: 0,
    });
    const [emotionOnly, socialOnly] = backend.requests;
    expect(emotionOnly?.hints?.emotion?.label).toBe('anger');
    expect(emotionOnly?.hints?.familiarity).toBeUndefined();
    expect(emotionOnly?.hints?.numeracy).toBeUndefined();
    expect(socialOnly?.hints?.emotion).toBeUndefined();
    expect(socialOnly?.hints?.numeracy).toBe(0.85);
  });

  it('prefers the structured answer and falls back to the text', async () => {
    const structured = new ScriptedBackend(() => ({
      text: 'garbled',
      structured: { estimate: 1900, unit: 'km', confidence: 0.5 },
      host: 'http://h1',
    }));
    const a = await new PersonaAgent({ backend: structured }).answer(angry, task, {
      runSeed: 0,
      replicate: 0,
      round: 0,
    });
    expect(a.status).toBe('ok');
    expect(a.estimate).toBeCloseTo(1900 / 1.609344, 9);
    expect(a.host).toBe('http://h1');
    const text = new ScriptedBackend(() => ({
      text: 'About 1,250 miles.',
      structured: { note: 'no estimate here' },
      cached: true,
    }));
    const b = await new PersonaAgent({ backend: text }).answer(angry, task, {
      runSeed: 0,
      replicate: 0,
      round: 0,
    });
    expect(b).toMatchObject({ status: 'ok', estimate: 1250, cached: true });
  });

  it('reports unreadable answers as unparsed with the reason', async () => {
    const backend = new ScriptedBackend(() => ({ text: "I'm sorry, I can't help with that." }));
    const a = await new PersonaAgent({ backend }).answer(angry, task, { runSeed: 0, replicate: 0, round: 0 });
    expect(a).toMatchObject({
      status: 'unparsed',
      reason: 'refusal',
      raw: "I'm sorry, I can't help with that.",
    });
    expect(a.estimate).toBeUndefined();
  });

  it('reports an unparsed answer to onUnparsed with the request that produced it, and only then', async () => {
    const seen: { request: ModelRequest; reason: string; raw: string }[] = [];
    const backend = new ScriptedBackend((request) =>
      request.replicate === 0 ? { text: 'No idea, sorry.' } : { text: 'About 1,300 miles.' },
    );
    const agent = new PersonaAgent({
      backend,
      onUnparsed: (request, reason, raw) => seen.push({ request, reason, raw }),
    });
    await agent.answer(angry, task, { runSeed: 0, replicate: 0, round: 0 });
    await agent.answer(angry, task, { runSeed: 0, replicate: 1, round: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.request).toBe(backend.requests[0]);
    expect(seen[0]?.raw).toBe('No idea, sorry.');
    expect(seen[0]?.reason).toMatch(/\S/);
  });

  it('turns a ModelError into a failed answer instead of throwing', async () => {
    const backend = new ScriptedBackend(
      () =>
        new ModelError('busy', 'http://h2: server busy (503); lower --concurrency', {
          status: 503,
          host: 'http://h2',
        }),
    );
    const a = await new PersonaAgent({ backend }).answer(angry, task, { runSeed: 0, replicate: 3, round: 1 });
    expect(a).toMatchObject({
      personaId: angry.id,
      personaIndex: 0,
      replicate: 3,
      round: 1,
      status: 'failed',
      reason: 'http://h2: server busy (503); lower --concurrency',
      tokens: { prompt: 0, completion: 0 },
      cached: false,
      model: 'fake:scripted',
      host: 'http://h2',
    });
  });

  it('rethrows cancellation and bugs', async () => {
    const controller = new AbortController();
    const aborting = new ScriptedBackend(() => {
      controller.abort(new Error('stop'));
      return new ModelError('aborted', 'cancelled');
    });
    await expect(
      new PersonaAgent({ backend: aborting }).answer(angry, task, {
        runSeed: 0,
        replicate: 0,
        round: 0,
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled');
    const already = new AbortController();
    already.abort(new Error('already stopped'));
    const untouched = new ScriptedBackend(() => ({ text: '1' }));
    await expect(
      new PersonaAgent({ backend: untouched }).answer(angry, task, {
        runSeed: 0,
        replicate: 0,
        round: 0,
        signal: already.signal,
      }),
    ).rejects.toThrow('already stopped');
    expect(untouched.requests).toHaveLength(0);
    const buggy = new ScriptedBackend(() => new TypeError('undefined is not a function'));
    await expect(
      new PersonaAgent({ backend: buggy }).answer(angry, task, { runSeed: 0, replicate: 0, round: 0 }),
    ).rejects.toThrow(TypeError);
  });
});

describe('answerSeed', () => {
  it('is runSeed + index for the first replicate and round, and stays in [0, 2^31)', () => {
    expect(answerSeed(42, 17)).toBe(59);
    expect(answerSeed(2 ** 31 - 1, 1)).toBe(0);
    expect(answerSeed(0, 0, 0, 30)).toBeLessThan(2 ** 31);
    expect(answerSeed(0, 0, 0, 30)).toBeGreaterThanOrEqual(0);
  });
  it('never gives two personas of a 10-million space the same seed across replicates', () => {
    expect(answerSeed(0, 9_999_999, 0)).toBeLessThan(answerSeed(0, 0, 1));
  });
});
