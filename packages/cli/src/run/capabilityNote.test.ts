import type { RunDescriptor } from '@emocrowd/crowd';
import { describe, expect, it } from 'vitest';
import { capabilityNote } from './capabilityNote.js';

const all = { seed: true, temperature: true, maxTokens: true, topP: true, keepAlive: true, schema: true };
function descriptor(
  model: Partial<RunDescriptor['model']>,
  generation: RunDescriptor['generation'] = {},
): RunDescriptor {
  return {
    runId: 'r',
    task: { id: 't', question: 'q', unit: 'mi', truth: 1, truthSource: 's' },
    model: {
      id: 'langchain:anthropic:claude',
      backend: 'langchain',
      model: 'anthropic:claude',
      isLanguageModel: true,
      ...model,
    },
    personas: { spec: '2', space: 'default', condition: 'combined', count: 2 },
    seed: 1,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation,
    strategies: [],
  };
}

describe('capabilityNote', () => {
  it('names what the model does not take of what the run asks, in one line', () => {
    const note = capabilityNote(
      descriptor(
        { capabilities: { ...all, seed: false, maxTokens: false } },
        { temperature: 0.8, maxTokens: 256 },
      ),
    );
    expect(note).toBe(
      'note: langchain:anthropic:claude does not take a seed (its answers cannot be reproduced by seed) or --max-tokens 256; run.json records it (model.capabilities)',
    );
  });

  it('says nothing when everything asked reaches the model, when unknown, or for the synthetic model', () => {
    expect(capabilityNote(descriptor({ capabilities: all }, { temperature: 0.8 }))).toBeUndefined();
    expect(capabilityNote(descriptor({ capabilities: { ...all, temperature: false } }))).toBeUndefined();
    expect(capabilityNote(descriptor({}))).toBeUndefined();
    expect(
      capabilityNote(
        descriptor(
          { isLanguageModel: false, capabilities: { ...all, temperature: false } },
          { temperature: 1 },
        ),
      ),
    ).toBeUndefined();
  });
});
