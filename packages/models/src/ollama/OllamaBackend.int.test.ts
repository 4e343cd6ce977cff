import { describe, expect, it } from 'vitest';
import { listModels } from './listModels.js';
import { OllamaBackend } from './OllamaBackend.js';

/**
 * Against a real Ollama: runs only when OLLAMA_HOST is set, with OLLAMA_MODEL (default
 * "llama3.2:1b", which must be pulled first: `ollama pull llama3.2:1b`).
 */
const host = process.env.OLLAMA_HOST;
const model = process.env.OLLAMA_MODEL ?? 'llama3.2:1b';

describe.skipIf(!host)('OllamaBackend against a real Ollama', () => {
  const question = [
    { role: 'system' as const, content: 'You estimate distances. Answer briefly.' },
    { role: 'user' as const, content: 'What is the distance in miles from Fargo, ND to Seattle, WA?' },
  ];

  it('is ready, lists the model and reports its digest', async () => {
    const backend = new OllamaBackend({ model, host });
    await backend.ready();
    expect(backend.info().digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await listModels(host)).map((m) => m.name)).toContain(
      model.includes(':') ? model : `${model}:latest`,
    );
  }, 120_000);

  it('answers free text and reports usage', async () => {
    const res = await new OllamaBackend({ model, host }).generate({
      messages: question,
      options: { seed: 1, temperature: 0, maxTokens: 64 },
    });
    expect(res.text.length).toBeGreaterThan(0);
    expect(res.usage.promptTokens).toBeGreaterThan(0);
    expect(res.usage.completionTokens).toBeGreaterThan(0);
    expect(res.usage.completionTokens).toBeLessThanOrEqual(64);
  }, 120_000);

  it('answers structured output valid for the schema, reproducibly with a seed', async () => {
    const schema = {
      type: 'object',
      properties: { estimate: { type: 'number' }, confidence: { type: 'number' } },
      required: ['estimate', 'confidence'],
    };
    const backend = new OllamaBackend({ model, host });
    const a = await backend.generate({
      messages: question,
      schema,
      options: { seed: 7, temperature: 0.8, maxTokens: 128 },
    });
    const b = await backend.generate({
      messages: question,
      schema,
      options: { seed: 7, temperature: 0.8, maxTokens: 128 },
    });
    expect(a.structured).toMatchObject({ estimate: expect.any(Number), confidence: expect.any(Number) });
    expect(b.text).toBe(a.text);
  }, 240_000);

  it('fails with not-found for a model the server lacks', async () => {
    await expect(
      new OllamaBackend({ model: 'emocrowd-no-such-model:0b', host }).ready(),
    ).rejects.toMatchObject({ kind: 'not-found' });
  }, 60_000);
});
