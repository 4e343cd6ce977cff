/**
 * The name of a level given only by its value (`model: [synthetic, "ollama:llama3.1:8b"]`):
 * the value as text with every character a directory name should not hold replaced by "-"
 * (`ollama-llama3.1-8b`), or undefined for values that are not scalars.
 *
 * @param value the level's value
 * @returns the name, or undefined when the value is an object or a list
 */
export function levelName(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const name = String(value)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '');
  return name === '' ? undefined : name;
}
