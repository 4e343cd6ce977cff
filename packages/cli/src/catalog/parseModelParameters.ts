import type { ModelfileParameters } from '@emocrowd/models';
import { usageError } from '../command/CliError.js';

/**
 * Parses repeated `--parameter key=value` flags into Modelfile parameters.
 *
 * Behaviour: the key is lower_snake_case (as Ollama names its parameters: temperature, num_ctx,
 * stop, ...); a value that reads as a number becomes a number ("0.2" -> 0.2), any other stays
 * text; a key given several times collects its values in order (`stop` takes several). A flag
 * without "=" or with an empty key or value is a usage error naming it.
 *
 * @param items - the flag values, e.g. ["temperature=0.2", "stop=<|eot_id|>"]
 * @returns the parameters (empty object for none)
 */
export function parseModelParameters(items: readonly string[]): ModelfileParameters {
  const out: Record<string, (string | number)[]> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    const key = eq > 0 ? item.slice(0, eq).trim() : '';
    const raw = eq > 0 ? item.slice(eq + 1) : '';
    if (key === '' || raw === '')
      throw usageError(`--parameter takes key=value, e.g. temperature=0.2 (got "${item}")`);
    if (!/^[a-z][a-z0-9_]*$/.test(key))
      throw usageError(
        `--parameter: "${key}" is not an Ollama parameter name (lower_snake_case, e.g. num_ctx)`,
      );
    const numeric = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim());
    const values = out[key] ?? [];
    values.push(numeric ? Number(raw) : raw);
    out[key] = values;
  }
  return Object.fromEntries(
    Object.entries(out).map(([k, v]) => [k, v.length === 1 ? (v[0] as string | number) : v]),
  );
}
