import type { RunSummary } from '@emocrowd/crowd';
import { loadPriceTable, type PriceTable, priceTokens } from '@emocrowd/models';

/**
 * The judge's line of a run's report (`--conduct` with a language-model judge): its calls and
 * tokens, those of the calls this run made, and what those cost at the price table's prices for
 * the judge's model, or that the table has no price for it. The heuristic judge of the built-in
 * model makes no calls, so such runs get no line.
 *
 * @example
 * // judge openai:gpt-4o-mini: 300 verdicts, 60,000 prompt + 6,000 completion tokens; this run's calls 300: 60,000 + 6,000 ≈ 0.0126 USD (openai:gpt-4o-mini, 2026-05, prices.json)
 *
 * @param summary the run's summary
 * @param table the price table (default the built-in one)
 * @returns the line, or undefined
 */
export function renderJudgeUsage(
  summary: RunSummary,
  table: PriceTable = loadPriceTable(),
): string | undefined {
  const usage = summary.judgeUsage;
  if (usage === undefined) return undefined;
  const n = (x: number): string => x.toLocaleString('en-US');
  const quote = priceTokens(
    usage.model,
    { promptTokens: usage.modelPromptTokens, completionTokens: usage.modelCompletionTokens },
    table,
  );
  const cost =
    quote === undefined
      ? `; no price for ${usage.model} in the price table ${table.file}`
      : ` ≈ ${quote.cost.toPrecision(3)} ${quote.currency} (${[quote.matched, quote.asOf, quote.table].filter(Boolean).join(', ')})`;
  return `judge ${usage.model}: ${n(usage.calls)} verdicts, ${n(usage.promptTokens)} prompt + ${n(usage.completionTokens)} completion tokens; this run's calls ${n(usage.modelCalls)}: ${n(usage.modelPromptTokens)} + ${n(usage.modelCompletionTokens)}${cost}`;
}
