import { describe, expect, it } from 'vitest';
import type { ModelInfo, ModelRequest } from '../ModelBackend.js';
import { canonicalJson } from './canonicalJson.js';
import { keyFor, legacyKeyFor } from './keyFor.js';

const info: ModelInfo = {
  id: 'ollama:emollama',
  backend: 'ollama',
  model: 'emollama',
  isLanguageModel: true,
};
const base: ModelRequest = {
  messages: [
    { role: 'system', content: 'You feel joy.' },
    { role: 'user', content: 'How far is Fargo from Seattle in miles?' },
  ],
  options: { seed: 7, temperature: 0.8 },
  schema: { type: 'object', properties: { miles: { type: 'number' } } },
  replicate: 0,
  hints: { truth: 1194, unit: 'mi' },
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"x":2,"z":1}]},"b":1}',
    );
  });
});

describe('keyFor', () => {
  it('is a stable sha256 hex: same request -> same key, whatever the key order or the signal', () => {
    const reordered: ModelRequest = {
      hints: { unit: 'mi', truth: 1194 },
      replicate: 0,
      schema: { properties: { miles: { type: 'number' } }, type: 'object' },
      options: { temperature: 0.8, seed: 7 },
      messages: base.messages.map((m) => ({ content: m.content, role: m.role })),
      signal: new AbortController().signal,
    };
    const key = keyFor(base, info);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(keyFor(reordered, info)).toBe(key);
    expect(keyFor({ ...base, options: { ...base.options, maxTokens: undefined } }, info)).toBe(key);
  });

  it('treats a missing replicate as 0 and missing options as {}', () => {
    const { replicate: _r, ...noReplicate } = base;
    expect(keyFor(noReplicate, info)).toBe(keyFor(base, info));
    expect(keyFor({ messages: base.messages }, info)).toBe(
      keyFor({ messages: base.messages, options: {} }, info),
    );
  });

  it('changes with every ingredient that can change the answer', () => {
    const key = keyFor(base, info);
    const variants: [string, string][] = [
      ['seed', keyFor({ ...base, options: { ...base.options, seed: 8 } }, info)],
      ['temperature', keyFor({ ...base, options: { ...base.options, temperature: 0.7 } }, info)],
      ['replicate', keyFor({ ...base, replicate: 1 }, info)],
      ['model', keyFor(base, { ...info, model: 'llama3.1:8b', id: 'ollama:llama3.1:8b' })],
      ['backend', keyFor(base, { ...info, backend: 'openai' })],
      ['digest', keyFor(base, { ...info, digest: 'sha256:1234' })],
      ['message', keyFor({ ...base, messages: [{ role: 'user', content: 'How far?' }] }, info)],
      [
        'role',
        keyFor({ ...base, messages: base.messages.map((m) => ({ ...m, role: 'user' as const })) }, info),
      ],
      ['schema', keyFor({ ...base, schema: undefined }, info)],
    ];
    for (const [name, other] of variants) expect(other, name).not.toBe(key);
    expect(new Set(variants.map(([, k]) => k)).size).toBe(variants.length);
  });

  it("a language model's key depends only on what it receives: not on the simulation hints", () => {
    const key = keyFor(base, info);
    expect(keyFor({ ...base, hints: { truth: 1194, unit: 'mi', familiarity: 0.5 } }, info)).toBe(key);
    const { hints: _hints, ...noHints } = base;
    expect(keyFor(noHints, info)).toBe(key);
    // the key of caches written before: the hints were part of it
    expect(legacyKeyFor(base, info)).not.toBe(key);
    expect(legacyKeyFor({ ...base, hints: { truth: 1194, unit: 'mi', familiarity: 0.5 } }, info)).not.toBe(
      legacyKeyFor(base, info),
    );
  });

  it("a simulated model's key includes the hints (they are its input) and is unchanged from before", () => {
    const synthetic: ModelInfo = {
      id: 'synthetic',
      backend: 'synthetic',
      model: 'synthetic',
      isLanguageModel: false,
    };
    const key = keyFor(base, synthetic);
    expect(keyFor({ ...base, hints: { truth: 1194, unit: 'mi', familiarity: 0.5 } }, synthetic)).not.toBe(
      key,
    );
    expect(key).toBe(legacyKeyFor(base, synthetic));
  });

  it('ignores the host list and the id (a pool and one host share entries)', () => {
    expect(keyFor(base, { ...info, hosts: ['gpu1', 'gpu2'] })).toBe(keyFor(base, info));
  });
});
