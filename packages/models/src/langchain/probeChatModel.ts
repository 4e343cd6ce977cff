import type { GenerationOptions, ModelCapabilities } from '../ModelBackend.js';

/** How each generation option reaches a LangChain chat model: a constructor field, a call option, or not at all. */
export interface ChatModelFields {
  /** Constructor field of each option the model holds, e.g. `{ maxTokens: 'numPredict' }` for ChatOllama. */
  fields: Partial<Record<keyof GenerationOptions, string>>;
  /** True when the seed is a call option (`invoke(messages, { seed })`), as with ChatOpenAI. */
  seedCallOption: boolean;
  /** How `withStructuredOutput` takes the answer schema, or undefined when the model cannot. */
  structuredMethod: 'jsonSchema' | 'functionCalling' | undefined;
  capabilities: ModelCapabilities;
}

/** Values no one would choose, so a field holding one was set by the probe. */
const PROBE: Record<keyof GenerationOptions, number | string> = {
  seed: 424_242,
  temperature: 0.123_456,
  maxTokens: 4_321,
  topP: 0.654_321,
  keepAlive: '17m',
};

/** The constructor field names LangChain's chat models use for each option, most common first. */
const CANDIDATES: Record<keyof GenerationOptions, readonly string[]> = {
  seed: ['seed', 'randomSeed'],
  temperature: ['temperature'],
  maxTokens: ['maxTokens', 'numPredict', 'maxOutputTokens'],
  topP: ['topP'],
  keepAlive: ['keepAlive'],
};

/** The constructor fields a probe passes: every candidate name with its probe value. */
export function probeFields(): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  for (const [option, names] of Object.entries(CANDIDATES) as [keyof GenerationOptions, readonly string[]][])
    for (const name of names) out[name] = PROBE[option];
  return out;
}

/**
 * Finds out how a LangChain chat model takes each generation option, from a model built with
 * {@link probeFields}: a field holding its probe value was taken; the seed may instead be a call
 * option (listed in the model's `callKeys`); the answer schema is taken when
 * `withStructuredOutput` accepts the JSON-schema method (else function calling, else not at all).
 *
 * Intuition: LangChain's providers take the same options under different names (ChatOllama's
 * `numPredict`, Google's `maxOutputTokens`) or not at all (Anthropic has no seed); reading what
 * the built model holds tells, for any installed provider, which options really reach it.
 *
 * @param model a chat model built with the probe fields
 * @param schema the schema `withStructuredOutput` is tried with
 * @returns where each option goes, and the capabilities that follow
 */
export function probeChatModel(model: object, schema: Record<string, unknown>): ChatModelFields {
  const held = model as Record<string, unknown>;
  const fields: ChatModelFields['fields'] = {};
  for (const [option, names] of Object.entries(CANDIDATES) as [
    keyof GenerationOptions,
    readonly string[],
  ][]) {
    const name = names.find((n) => held[n] === PROBE[option]);
    if (name !== undefined) fields[option] = name;
  }
  const callKeys = (held.callKeys as unknown) ?? [];
  const seedCallOption = Array.isArray(callKeys) && callKeys.includes('seed');
  if (seedCallOption) delete fields.seed;
  const structuredMethod = (['jsonSchema', 'functionCalling'] as const).find((method) => {
    const withStructuredOutput = held.withStructuredOutput;
    if (typeof withStructuredOutput !== 'function') return false;
    try {
      withStructuredOutput.call(model, schema, { name: 'answer', method, includeRaw: true });
      return true;
    } catch {
      return false;
    }
  });
  return {
    fields,
    seedCallOption,
    structuredMethod,
    capabilities: {
      seed: seedCallOption || fields.seed !== undefined,
      temperature: fields.temperature !== undefined,
      maxTokens: fields.maxTokens !== undefined,
      topP: fields.topP !== undefined,
      keepAlive: fields.keepAlive !== undefined,
      schema: structuredMethod !== undefined,
    },
  };
}
