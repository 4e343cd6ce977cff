import { type BackendRegistry, modelSpecForm } from '@emocrowd/models/backends';

/** `PREFIX:NAME`, or the prefix alone for a backend without a model name (see `modelSpecForm`). */
export const modelForm = modelSpecForm;

/**
 * The `--model` forms in words, e.g. "synthetic (built-in, not an LLM), ollama:NAME or openai:NAME".
 *
 * @param registry the backends
 * @returns one phrase
 */
export function describeModelForms(registry: BackendRegistry): string {
  const forms = registry.definitions.map((d) =>
    d.isLanguageModel ? modelForm(d) : `${modelForm(d)} (built-in, not an LLM)`,
  );
  return joinOr(forms);
}

/**
 * Where each served backend finds its server without `--host`, e.g. "$OLLAMA_HOST or
 * http://127.0.0.1:11434 for ollama:; $OPENAI_BASE_URL for openai: (else --host is required)".
 *
 * @param registry the backends
 * @returns one phrase
 */
export function describeHosts(registry: BackendRegistry): string {
  const parts: string[] = [];
  for (const d of registry.definitions) {
    const policy = d.hosts;
    if (policy.kind === 'none') continue;
    const sources = [policy.env ? `$${policy.env}` : undefined, policy.fallback].filter(Boolean);
    const where =
      policy.kind === 'required'
        ? `${sources.length > 0 ? `${sources.join(' or ')}, else ` : ''}required`
        : sources.length > 0
          ? sources.join(' or ')
          : "the provider's own endpoint";
    parts.push(`${where} for ${d.prefix}:`);
  }
  return parts.join('; ');
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
