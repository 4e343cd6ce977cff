import { ModelError } from './ModelError.js';

/** A parsed `--model` value. */
export interface ModelSpec {
  backend: 'synthetic' | 'ollama' | 'openai';
  model: string;
}

/**
 * Parses `synthetic`, `ollama:NAME` or `openai:NAME` (NAME may itself contain colons, as in
 * `ollama:llama3.1:8b`). Throws a one-line error naming the flag and the accepted forms.
 */
export function parseModelSpec(spec: string): ModelSpec {
  const trimmed = spec.trim();
  if (trimmed === 'synthetic') return { backend: 'synthetic', model: 'synthetic' };
  const colon = trimmed.indexOf(':');
  const backend = colon > 0 ? trimmed.slice(0, colon) : '';
  const model = colon > 0 ? trimmed.slice(colon + 1) : '';
  if ((backend === 'ollama' || backend === 'openai') && model.length > 0) return { backend, model };
  throw new ModelError(
    'bad-request',
    `--model "${spec}" is not a model: use synthetic, ollama:NAME (e.g. ollama:llama3.1:8b) or openai:NAME`,
  );
}
