import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPriceTable } from './loadPriceTable.js';
import type { PriceTable } from './PriceTable.js';
import { priceTokens } from './priceTokens.js';

const table: PriceTable = {
  currency: 'USD',
  file: 'test',
  entries: [
    { models: ['ollama:*'], input: 0, output: 0 },
    { models: ['langchain:openai:*'], input: 5, output: 20 },
    {
      models: ['langchain:openai:gpt-4o-mini', 'openai:gpt-4o-mini'],
      input: 0.15,
      output: 0.6,
      asOf: '2026-05',
    },
    { models: ['langchain:openai:gpt-4o*'], input: 2.5, output: 10 },
  ],
};

describe('priceTokens', () => {
  it('prices per million tokens, input and output apart', () => {
    // 2,000,000 x 0.15 / 1e6 + 100,000 x 0.60 / 1e6 = 0.30 + 0.06 = 0.36
    const quote = priceTokens(
      'langchain:openai:gpt-4o-mini',
      { promptTokens: 2_000_000, completionTokens: 100_000 },
      table,
    );
    expect(quote?.cost).toBeCloseTo(0.36, 12);
    expect(quote).toMatchObject({
      currency: 'USD',
      input: 0.15,
      output: 0.6,
      matched: 'langchain:openai:gpt-4o-mini',
      asOf: '2026-05',
      table: 'test',
    });
  });

  it('prefers the exact value, then the most specific pattern; an unpriced model is undefined, not 0', () => {
    const tokens = { promptTokens: 1_000_000, completionTokens: 0 };
    expect(priceTokens('langchain:openai:gpt-4o', tokens, table)?.matched).toBe('langchain:openai:gpt-4o*');
    expect(priceTokens('langchain:openai:o3', tokens, table)?.matched).toBe('langchain:openai:*');
    expect(priceTokens('ollama:llama3.1:8b', tokens, table)?.cost).toBe(0);
    expect(priceTokens('openai:meta-llama/Llama-3.1-8B', tokens, table)).toBeUndefined();
    expect(priceTokens('ollama', tokens, table)).toBeUndefined();
  });

  it('refuses counts that are not counts', () => {
    expect(() => priceTokens('ollama:x', { promptTokens: -1, completionTokens: 0 }, table)).toThrow(
      RangeError,
    );
    expect(() => priceTokens('ollama:x', { promptTokens: 1, completionTokens: Number.NaN }, table)).toThrow(
      /completionTokens/,
    );
  });
});

describe('loadPriceTable', () => {
  it('reads the built-in table, which prices the local backends at 0 and names its sources', () => {
    const builtIn = loadPriceTable();
    expect(builtIn.file).toMatch(/^built-in/);
    expect(priceTokens('synthetic', { promptTokens: 10, completionTokens: 10 }, builtIn)?.cost).toBe(0);
    expect(priceTokens('ollama:llama3.1:8b', { promptTokens: 10, completionTokens: 10 }, builtIn)?.cost).toBe(
      0,
    );
    for (const entry of builtIn.entries)
      if (entry.input > 0) expect(entry.source, entry.models[0]).toMatch(/^https:\/\//);
  });

  it('reads a YAML file and names a wrong field in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emocrowd-prices-'));
    const good = join(dir, 'prices.yaml');
    writeFileSync(
      good,
      'currency: EUR\nprices:\n  - models: ["openai:my-model"]\n    input: 1\n    output: 2\n',
    );
    const mine = loadPriceTable(good);
    expect(
      priceTokens('openai:my-model', { promptTokens: 500_000, completionTokens: 250_000 }, mine),
    ).toMatchObject({
      cost: 1,
      currency: 'EUR',
      table: good,
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ currency: 'USD', prices: [{ models: ['x'], input: -1, output: 1 }] }),
    );
    expect(() => loadPriceTable(bad)).toThrow(
      new RegExp(`^price table ${bad}: prices\\.0\\.input: .*per million tokens$`),
    );
    expect(() => loadPriceTable(join(dir, 'missing.json'))).toThrow(/cannot read it/);
  });
});
