import { ModelError } from './ModelError.js';
import { SYNTHETIC_VARIANTS } from './synthetic/syntheticVariants.js';

/** A parsed `--model` value. */
export interface ModelSpec {
  backend: 'synthetic' | 'ollama' | 'openai';
  model: string;
}

/**
 * Parses `synthetic`, `synthetic:VARIANT` (e.g. `synthetic:emotional`), `ollama:NAME` or
 * `openai:NAME` (NAME may itself contain colons, as in `ollama:llama3.1:8b`). Throws a one-line
 * error naming the flag and the accepted forms. For the synthetic model `model` is `synthetic`
 * or the variant's name.
 */
export function parseModelSpec(spec: string): ModelSpec {
  const trimmed = spec.trim();
  if (trimmed === 'synthetic') return { backend: 'synthetic', model: 'synthetic' };
  const colon = trimmed.indexOf(':');
  const backend = colon > 0 ? trimmed.slice(0, colon) : '';
  const model = colon > 0 ? trimmed.slice(colon + 1) : '';
  if (backend === 'synthetic') {
    if (Object.hasOwn(SYNTHETIC_VARIANTS, model)) return { backend: 'synthetic', model };
    throw new ModelError(
      'bad-request',
      `--model "${spec}": no such synthetic variant; use synthetic or synthetic:${Object.keys(SYNTHETIC_VARIANTS).join(' | synthetic:')}`,
    );
  }
  if ((backend === 'ollama' || backend === 'openai') && model.length > 0) return { backend, model };
  throw new ModelError(
    'bad-request',
    `--model "${spec}" is not a model: use synthetic, ollama:NAME (e.g. ollama:llama3.1:8b) or openai:NAME`,
  );
}
