import type { FailureFixes } from '../http/modelErrorFromFailure.js';

/** The fixes an OpenAI-compatible server's error message suggests (vLLM, llama.cpp, LM Studio, ...). */
export const OPENAI_FIXES: FailureFixes = {
  unreachable: 'check the server is running and the base URL',
  notFound: (_model, host) => `check the served model names at ${host}/v1/models`,
  busy: 'lower the concurrency or retry later',
  credentials: 'set OPENAI_API_KEY or pass --api-key',
  unnamed404: 'endpoint',
};
