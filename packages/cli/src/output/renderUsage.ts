import type { RunSummary } from '@emocrowd/crowd';
import { loadPriceTable, type PriceTable, priceTokens } from '@emocrowd/models';

/**
 * The tokens line of a run's report (language models only): the crowd's tokens, those of the calls
 * this run made, and what those calls cost at the price table's prices, or that the table has no
 * price for the model. The synthetic model's token counts are character estimates, not a model's,
 * so its runs get no line.
 *
 * @example
 * // tokens 61,200 prompt + 9,800 completion; this run's calls 30,600 + 4,900 ≈ 0.00753 USD (openai:gpt-4o-mini, 2026-05, built-in (packages/models/assets/prices.json))
 *
 * @param summary the run's summary
 * @param table the price table (default the built-in one)
 * @returns the line, or undefined
 */
export function renderUsage(summary: RunSummary, table: PriceTable = loadPriceTable()): string | undefined {
  if (!summary.model.isLanguageModel || summary.usage === undefined) return undefined;
  const { usage, counts } = summary;
  const n = (x: number): string => x.toLocaleString('en-US');
  const spent = { promptTokens: counts.modelPromptTokens, completionTokens: counts.modelCompletionTokens };
  const quote = priceTokens(summary.model.id, spent, table);
  const cost =
    quote === undefined
      ? `; no price for ${summary.model.id} in the price table ${table.file}`
      : ` ≈ ${quote.cost.toPrecision(3)} ${quote.currency} (${[quote.matched, quote.asOf, quote.table].filter(Boolean).join(', ')})`;
  return `tokens ${n(usage.promptTokens)} prompt + ${n(usage.completionTokens)} completion; this run's calls ${n(spent.promptTokens)} + ${n(spent.completionTokens)}${cost}`;
}
