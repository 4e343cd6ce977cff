import type { RunSummary } from '@emocrowd/crowd';
import type { PriceTable } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { renderUsage } from './renderUsage.js';

const table: PriceTable = {
  currency: 'USD',
  file: 'prices.json',
  entries: [{ models: ['openai:gpt-4o-mini'], input: 0.15, output: 0.6, asOf: '2026-05' }],
};
function summary(id: string, isLanguageModel = true): RunSummary {
  return {
    model: { id, isLanguageModel },
    usage: { promptTokens: 61_200, completionTokens: 9_800 },
    counts: { modelPromptTokens: 30_600, modelCompletionTokens: 4_900 },
  } as unknown as RunSummary;
}

describe('renderUsage', () => {
  it("prices this run's calls, naming the entry, its date and the table", () => {
    // 30,600 x 0.15 / 1e6 + 4,900 x 0.60 / 1e6 = 0.00459 + 0.00294 = 0.00753
    expect(renderUsage(summary('openai:gpt-4o-mini'), table)).toBe(
      "tokens 61,200 prompt + 9,800 completion; this run's calls 30,600 + 4,900 ≈ 0.00753 USD (openai:gpt-4o-mini, 2026-05, prices.json)",
    );
  });

  it('says when the table has no price, and stays silent for the synthetic model', () => {
    expect(renderUsage(summary('openai:qwen'), table)).toMatch(
      /no price for openai:qwen in the price table prices\.json$/,
    );
    expect(renderUsage(summary('synthetic', false), table)).toBeUndefined();
  });
});
