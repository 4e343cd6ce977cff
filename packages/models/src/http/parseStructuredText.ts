/**
 * Reads a structured answer out of a model's text, or returns undefined when there is none.
 *
 * Intuition: with a schema the server constrains output to JSON, but small models, proxies and
 * OpenAI-compatible servers without grammar support still wrap it in prose or code fences, and
 * some answer free text; the caller then falls back to parsing the text itself. Behaviour:
 * 1. the whole text, trimmed, if it parses as a JSON object;
 * 2. else the content of the first ```json fenced block;
 * 3. else the first balanced {...} span that parses;
 * 4. else undefined (arrays and scalars are not structured answers).
 *
 * @param text The model's answer text.
 * @returns The parsed JSON object, or undefined.
 */
export function parseStructuredText(text: string): Record<string, unknown> | undefined {
  const whole = tryObject(text.trim());
  if (whole) return whole;
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1]) {
    const inner = tryObject(fenced[1].trim());
    if (inner) return inner;
  }
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    const end = balancedEnd(text, start);
    if (end < 0) continue;
    const candidate = tryObject(text.slice(start, end + 1));
    if (candidate) return candidate;
  }
  return undefined;
}

function tryObject(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Index of the brace closing the one at `start`, skipping braces inside strings; -1 if none. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
