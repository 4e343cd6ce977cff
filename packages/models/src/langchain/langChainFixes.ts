import type { FailureFixes } from '../http/modelErrorFromFailure.js';

/** The fixes a LangChain provider's error message suggests. */
export const LANGCHAIN_FIXES: FailureFixes = {
  unreachable: "check --host (or the provider's endpoint) and the network",
  notFound: (model) => `check that the provider serves the model "${model}"`,
  busy: "lower the concurrency or retry later (the provider's rate limit)",
  credentials:
    "set the provider's API key variable (e.g. OPENAI_API_KEY, ANTHROPIC_API_KEY) or pass --api-key",
  unnamed404: 'endpoint',
};
