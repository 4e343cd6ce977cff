import type { RunDescriptor } from '@emocrowd/crowd';

/**
 * The one line a run prints when its model does not take something the run asks for: the seed
 * (answers cannot be reproduced by seed), the answer schema (answers are read from free text),
 * `--temperature` or `--max-tokens`. Nothing for a model that takes them all, for a backend that
 * does not report its capabilities, or for the synthetic model (its banner says what it is).
 *
 * @param descriptor the run's descriptor (model capabilities and generation options)
 * @returns the note, or undefined
 */
export function capabilityNote(descriptor: RunDescriptor): string | undefined {
  const { model, generation } = descriptor;
  const can = model.capabilities;
  if (can === undefined || !model.isLanguageModel) return undefined;
  const missing: string[] = [];
  if (!can.seed) missing.push('a seed (its answers cannot be reproduced by seed)');
  if (!can.schema) missing.push('the answer schema (answers are read from its free text)');
  if (generation.temperature !== undefined && !can.temperature)
    missing.push(`--temperature ${generation.temperature}`);
  if (generation.maxTokens !== undefined && !can.maxTokens)
    missing.push(`--max-tokens ${generation.maxTokens}`);
  if (missing.length === 0) return undefined;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
  return `note: ${model.id} does not take ${list}; run.json records it (model.capabilities)`;
}
