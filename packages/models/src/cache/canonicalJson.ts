/**
 * JSON with a single spelling for equal values: object keys sorted (by UTF-16 code units),
 * `undefined` members dropped, no whitespace (the idea of RFC 8785 "JSON Canonicalization
 * Scheme"; numbers use JavaScript's shortest round-trip form, as RFC 8785 does).
 * Two requests that differ only in key order or in absent-vs-undefined fields hash the same.
 *
 * @param value a JSON-compatible value (functions and symbols are dropped like JSON.stringify does)
 * @returns the canonical text
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}
