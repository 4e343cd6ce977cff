import { backendRegistry } from './backends/backendRegistry.js';
import type { ModelSpec } from './backends/createBackendRegistry.js';

/**
 * Parses a `--model` value against the registered backends: `synthetic`, `ollama:NAME`,
 * `openai:NAME`, ... (NAME may itself contain colons, as in `ollama:llama3.1:8b`). Throws a
 * one-line error naming the flag and the accepted forms.
 *
 * @param spec the `--model` value
 * @returns the backend prefix and the model name
 */
export function parseModelSpec(spec: string): ModelSpec {
  const { backend, model } = backendRegistry.parse(spec);
  return { backend, model };
}
