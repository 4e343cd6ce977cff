/**
 * The one line the CLI prints whenever the synthetic model answers, so nobody mistakes its
 * simulated answers for a language model's.
 */
export const SYNTHETIC_BANNER =
  'synthetic model: simulated answers, not a language model — use --model ollama:NAME for real LLM personas';
