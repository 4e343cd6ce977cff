/** One row of a price table: what some models cost per million tokens. */
export interface PriceEntry {
  /** `--model` values it prices; `*` matches any text (`ollama:*`). */
  models: string[];
  /** Price of a million prompt (input) tokens. */
  input: number;
  /** Price of a million completion (output) tokens. */
  output: number;
  /** Where the price was read, e.g. the provider's pricing page. */
  source?: string;
  /** When the price was read there, e.g. "2026-05". */
  asOf?: string;
  note?: string;
}

/** A price table as loaded: its entries and where it came from. */
export interface PriceTable {
  /** The currency of every price, e.g. "USD". */
  currency: string;
  entries: PriceEntry[];
  /** The file it was read from, or "built-in (packages/models/assets/prices.json)". */
  file: string;
}
