/** PARAMETER values of a Modelfile; an array becomes one line per element (e.g. several `stop`). */
export type ModelfileParameters = Record<string, string | number | boolean | readonly (string | number)[]>;

/** What a Modelfile says. Exactly one of `from` (a model name or path) and `gguf` (a GGUF file path). */
export interface ModelfileSpec {
  /** Base model name ("llama3.2:1b") or path. */
  from?: string;
  /** Path of a GGUF weights file, used as FROM. */
  gguf?: string;
  /** Path of a LoRA adapter (safetensors directory/file or GGUF). */
  adapter?: string;
  system?: string;
  parameters?: ModelfileParameters;
  template?: string;
}

/**
 * Writes a Modelfile (Ollama's docs/modelfile.md) from a spec.
 *
 * Intuition: fine-tuned emotion models are shipped as "base + adapter + system prompt +
 * parameters"; generating the file keeps its quoting right. Behaviour: lines in the order FROM,
 * ADAPTER, TEMPLATE, SYSTEM, PARAMETER...; values are quoted as Ollama's own parser prints them
 * (parser.go `quote`): plain when on one line without edge spaces, `"..."` when multi-line or
 * space-padded, `"""..."""` when they also contain a double quote.
 *
 * @param spec Base model or GGUF path, adapter, system prompt, template, parameters.
 * @returns The Modelfile text, ending with a newline.
 * @throws RangeError when neither or both of from/gguf are given, a parameter name is not
 *   lower_snake_case, or a value contains `"""` (which no Modelfile quoting can hold).
 */
export function buildModelfile(spec: ModelfileSpec): string {
  if ((spec.from === undefined) === (spec.gguf === undefined))
    throw new RangeError('buildModelfile needs exactly one of "from" and "gguf"');
  const lines = [`FROM ${quote(spec.gguf ?? spec.from ?? '')}`];
  if (spec.adapter !== undefined) lines.push(`ADAPTER ${quote(spec.adapter)}`);
  if (spec.template !== undefined) lines.push(`TEMPLATE ${quote(spec.template)}`);
  if (spec.system !== undefined) lines.push(`SYSTEM ${quote(spec.system)}`);
  for (const [name, value] of Object.entries(spec.parameters ?? {})) {
    if (!/^[a-z][a-z0-9_]*$/.test(name))
      throw new RangeError(`Modelfile parameter names are lower_snake_case, got "${name}"`);
    const values: readonly (string | number | boolean)[] = Array.isArray(value)
      ? value
      : [value as string | number | boolean];
    for (const v of values) lines.push(`PARAMETER ${name} ${quote(String(v))}`);
  }
  return `${lines.join('\n')}\n`;
}

function quote(value: string): string {
  if (value.includes('"""')) throw new RangeError('a Modelfile value cannot contain """');
  const needsQuotes =
    value.includes('\n') ||
    value.startsWith(' ') ||
    value.endsWith(' ') ||
    value.startsWith('"') ||
    value === '';
  if (!needsQuotes) return value;
  return value.includes('"') ? `"""${value}"""` : `"${value}"`;
}
