import type { RunSummary } from '@emocrowd/crowd';
import type { PriceTable } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { renderJudgeUsage } from './renderJudgeUsage.js';

const table: PriceTable = {
  currency: 'USD',
  file: 'prices.json',
  entries: [{ models: ['openai:gpt-4o-mini'], input: 0.15, output: 0.6, asOf: '2026-05' }],
};
const judged = (model: string) =>
  ({
    judgeUsage: {
      model,
      calls: 300,
      modelCalls: 200,
      promptTokens: 60_000,
      completionTokens: 6_000,
      modelPromptTokens: 40_000,
      modelCompletionTokens: 4_000,
    },
  }) as unknown as RunSummary;

describe('renderJudgeUsage', () => {
  it("prices the judge's calls at the judge model's price", () => {
    // 40,000 x 0.15 / 1e6 + 4,000 x 0.60 / 1e6 = 0.006 + 0.0024 = 0.0084
    expect(renderJudgeUsage(judged('openai:gpt-4o-mini'), table)).toBe(
      "judge openai:gpt-4o-mini: 300 verdicts, 60,000 prompt + 6,000 completion tokens; this run's calls 200: 40,000 + 4,000 ≈ 0.00840 USD (openai:gpt-4o-mini, 2026-05, prices.json)",
    );
  });

  it('says when the table has no price, and stays silent without a language-model judge', () => {
    expect(renderJudgeUsage(judged('ollama:qwen2.5:7b'), table)).toMatch(
      /no price for ollama:qwen2\.5:7b in the price table prices\.json$/,
    );
    expect(renderJudgeUsage({} as RunSummary, table)).toBeUndefined();
  });
});
