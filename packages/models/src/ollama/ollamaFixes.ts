import type { FailureFixes } from '../http/modelErrorFromFailure.js';

/** The fixes an Ollama error message suggests: Ollama's own commands and settings. */
export const OLLAMA_FIXES: FailureFixes = {
  unreachable: 'start it with "ollama serve" or set OLLAMA_HOST',
  notFound: (model) => `run: ollama pull ${model} (or ollama create ${model} -f Modelfile)`,
  busy: 'lower the concurrency or raise OLLAMA_NUM_PARALLEL / OLLAMA_MAX_QUEUE',
  credentials: 'check the credentials of the proxy in front of Ollama',
  unnamed404: 'model',
};
