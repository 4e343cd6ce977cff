import type { PriceEntry, PriceTable } from './PriceTable.js';

/** Token counts to price. */
export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
}

/** What some tokens of a model cost, and where the price comes from. */
export interface PriceQuote {
  /** The `--model` value priced. */
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** (promptTokens x input + completionTokens x output) / 1,000,000, in `currency`. */
  cost: number;
  currency: string;
  /** The prices used, per million tokens. */
  input: number;
  output: number;
  /** The entry's model value or pattern that matched. */
  matched: string;
  /** The price table's file. */
  table: string;
  /** The entry's own source and date, when it names them. */
  source?: string;
  asOf?: string;
}

/**
 * Prices token counts of a model from a price table.
 *
 * Behaviour:
 * 1. The entry listing the exact `--model` value wins; else the matching pattern (`*` = any
 *    text) with the most characters outside its `*`s (the most specific); ties: the first in the
 *    table.
 * 2. cost = (promptTokens x input + completionTokens x output) / 1,000,000.
 * 3. No entry matches: undefined (the caller says the model is not priced, never guesses 0).
 *
 * @example
 * priceTokens('langchain:openai:gpt-4o-mini', { promptTokens: 2_000_000, completionTokens: 100_000 }, loadPriceTable());
 * // -> { cost: 0.36, currency: 'USD', input: 0.15, output: 0.6, matched: 'langchain:openai:gpt-4o-mini', ... }
 *
 * @param model a `--model` value
 * @param tokens prompt and completion tokens (finite, >= 0)
 * @param table the price table (see loadPriceTable)
 * @returns the quote, or undefined when the table has no price for the model
 * @throws RangeError for negative or non-finite token counts
 */
export function priceTokens(model: string, tokens: TokenCounts, table: PriceTable): PriceQuote | undefined {
  for (const [name, value] of Object.entries(tokens)) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`priceTokens: ${name} must be a finite count >= 0 (got ${value})`);
  }
  const found = findEntry(model.trim(), table.entries);
  if (found === undefined) return undefined;
  const { entry, matched } = found;
  return {
    model,
    promptTokens: tokens.promptTokens,
    completionTokens: tokens.completionTokens,
    cost: (tokens.promptTokens * entry.input + tokens.completionTokens * entry.output) / 1_000_000,
    currency: table.currency,
    input: entry.input,
    output: entry.output,
    matched,
    table: table.file,
    ...(entry.source !== undefined ? { source: entry.source } : {}),
    ...(entry.asOf !== undefined ? { asOf: entry.asOf } : {}),
  };
}

function findEntry(
  model: string,
  entries: readonly PriceEntry[],
): { entry: PriceEntry; matched: string } | undefined {
  let best: { entry: PriceEntry; matched: string; specificity: number } | undefined;
  for (const entry of entries) {
    for (const pattern of entry.models) {
      if (pattern === model) return { entry, matched: pattern };
      if (!pattern.includes('*') || !globMatches(pattern, model)) continue;
      const specificity = pattern.replaceAll('*', '').length;
      if (best === undefined || specificity > best.specificity)
        best = { entry, matched: pattern, specificity };
    }
  }
  return best && { entry: best.entry, matched: best.matched };
}

function globMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}
