import { describe, expect, it } from 'vitest';
import { backendRegistry } from './backendRegistry.js';
import * as registered from './registry.js';

describe('the registered backends', () => {
  it('are every definition registry.ts exports, the synthetic model first', () => {
    expect(backendRegistry.definitions.map((d) => d.prefix)).toEqual([
      'synthetic',
      ...Object.values(registered)
        .filter((d) => d.isLanguageModel)
        .map((d) => d.prefix),
    ]);
    expect(backendRegistry.definitions.length).toBe(Object.keys(registered).length);
  });

  it('each parse their own example, and say what their readiness check verifies', () => {
    for (const d of backendRegistry.definitions) {
      expect(backendRegistry.parse(d.example).backend, d.prefix).toBe(d.prefix);
      expect(d.readiness.length, d.prefix).toBeGreaterThan(5);
      expect(d.summary, d.prefix).not.toMatch(/\n/);
    }
  });

  it('refuses an unknown backend with every form in one line', () => {
    expect(() => backendRegistry.parse('llamacpp:qwen')).toThrow(
      /^--model "llamacpp:qwen" is not a model: use synthetic, langchain:PROVIDER:MODEL, ollama:NAME or openai:NAME \(e\.g\. /,
    );
  });
});
