import type { JsonSchema } from '../ModelBackend.js';
import type { Rng } from '../Rng.js';
import { createRng, hashString } from '../Rng.js';

/** One prompt as the test server understands it, whichever endpoint it came through. */
export interface OllamaTestServerPrompt {
  /** Which API the prompt came through. */
  endpoint: 'chat' | 'generate' | 'openai';
  model: string;
  /** The conversation (for /api/generate: the optional system prompt, then the prompt). */
  messages: { role: string; content: string }[];
  /** Ollama `format` (OpenAI `response_format` translated): "json" or a JSON schema. */
  format?: 'json' | JsonSchema;
  /** Generation options under Ollama's names (seed, temperature, num_predict, top_p, ...). */
  options: Record<string, unknown>;
  /** The raw request body exactly as received. */
  body: unknown;
}

/** Produces the answer text for a prompt; the server then streams, truncates and counts it. */
export type OllamaTestServerRespond = (prompt: OllamaTestServerPrompt) => string | Promise<string>;

/**
 * The test server's default answer: deterministic in (last user message, seed, model).
 *
 * Intuition: tests need answers that differ between prompts and seeds but never between two
 * runs, and that look like what an estimating persona would say. Behaviour:
 * 1. No format: one sentence with a number, e.g. "I would estimate about 1,243 miles. Confidence: 0.62".
 * 2. `format` is a JSON schema: a JSON object valid for that schema; properties named
 *    `estimate`, `confidence` and `reasoning` get a plausible number, a value in [0, 1] and a sentence.
 * 3. `format` is "json": the object {"estimate", "confidence", "reasoning"}.
 *
 * @param prompt The prompt as received.
 * @returns The answer text.
 */
export function defaultOllamaTestAnswer(prompt: OllamaTestServerPrompt): string {
  const lastUser = [...prompt.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const seed = typeof prompt.options.seed === 'number' ? prompt.options.seed : 0;
  const rng = createRng(hashString(`${prompt.model}\u0000${seed}\u0000${lastUser}`));
  const estimate = Math.round(600 + rng.next() * 1400);
  const confidence = Math.round((0.2 + rng.next() * 0.75) * 100) / 100;
  const reasoning = `Thinking about the question, roughly ${estimate} seems right.`;
  if (prompt.format === undefined) {
    return `I would estimate about ${estimate.toLocaleString('en-US')} miles. Confidence: ${confidence}`;
  }
  const known: Record<string, unknown> = { estimate, confidence, reasoning };
  if (prompt.format === 'json') return JSON.stringify(known);
  return JSON.stringify(sampleForSchema(prompt.format, rng, known));
}

/**
 * A value valid for a JSON schema (the subset structured output uses: type, properties,
 * required, items, enum, const, minimum/maximum, minItems, anyOf/oneOf), drawn from `rng`.
 * `known` supplies preferred values for object properties of that name when they fit.
 */
export function sampleForSchema(schema: JsonSchema, rng: Rng, known: Record<string, unknown> = {}): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return rng.pick(schema.enum);
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const first = alternatives.find((s) => s.type !== 'null') ?? alternatives[0];
    return sampleForSchema(first as JsonSchema, rng, known);
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') as unknown) : schema.type;
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  switch (type) {
    case 'object':
    case undefined: {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const out: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(props)) {
        const preferred = known[name];
        out[name] =
          preferred !== undefined && fits(preferred, sub) ? preferred : sampleForSchema(sub, rng, {});
      }
      return out;
    }
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 1;
      const items = (schema.items ?? {}) as JsonSchema;
      return Array.from({ length: count }, () => sampleForSchema(items, rng, known));
    }
    case 'number': {
      const lo = min ?? 0;
      const hi = max ?? lo + 1000;
      return Math.round((lo + rng.next() * (hi - lo)) * 100) / 100;
    }
    case 'integer': {
      const lo = Math.ceil(min ?? 0);
      const hi = Math.floor(max ?? lo + 1000);
      return lo + rng.int(hi - lo + 1);
    }
    case 'boolean':
      return rng.next() < 0.5;
    case 'null':
      return null;
    default:
      return 'ok';
  }
}

function fits(value: unknown, schema: JsonSchema): boolean {
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (typeof value === 'number') {
    if (!type.includes('number') && !(type.includes('integer') && Number.isInteger(value))) return false;
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
    return true;
  }
  if (typeof value === 'string') return type.includes('string') && !Array.isArray(schema.enum);
  return false;
}
