/** A piece of a parsed template: literal text or a placeholder. */
type Piece = { text: string } | { name: string };

/**
 * Parses a template in the f-string style of LangChain's prompt templates: `{name}` is a
 * placeholder, `{{` and `}}` are literal braces (so a JSON example is written `{{"verdict": ...}}`).
 *
 * @param template - the text
 * @returns its pieces
 * @throws Error naming the offset of an unclosed `{`, an empty `{}` or a lone `}`
 */
function parseTemplate(template: string): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === '{' && template[i + 1] === '{') {
      text += '{';
      i++;
    } else if (ch === '}' && template[i + 1] === '}') {
      text += '}';
      i++;
    } else if (ch === '{') {
      const end = template.indexOf('}', i + 1);
      const name = end < 0 ? '' : template.slice(i + 1, end).trim();
      if (end < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        throw new Error(`a "{" at character ${i + 1} opens no {placeholder}; write {{ for a literal brace`);
      if (text !== '') pieces.push({ text });
      text = '';
      pieces.push({ name });
      i = end;
    } else if (ch === '}') {
      throw new Error(`a "}" at character ${i + 1} closes nothing; write }} for a literal brace`);
    } else text += ch;
  }
  if (text !== '') pieces.push({ text });
  return pieces;
}

/**
 * The placeholders a template uses, in order of first use.
 *
 * @param template - the text
 * @returns the names
 */
export function promptTemplatePlaceholders(template: string): string[] {
  return [...new Set(parseTemplate(template).flatMap((p) => ('name' in p ? [p.name] : [])))];
}

/**
 * Checks a template against the placeholders it may and must use.
 *
 * @param template - the text
 * @param allowed - the placeholders that have values
 * @param required - those it must use
 * @returns a one-line problem, or undefined when the template is usable
 */
export function promptTemplateProblem(
  template: string,
  allowed: readonly string[],
  required: readonly string[],
): string | undefined {
  let names: string[];
  try {
    names = promptTemplatePlaceholders(template);
  } catch (error) {
    return (error as Error).message;
  }
  const unknown = names.filter((n) => !allowed.includes(n));
  if (unknown.length > 0)
    return `unknown placeholder {${unknown[0]}}; the placeholders are ${allowed.map((a) => `{${a}}`).join(', ')}`;
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) return `the template must use {${missing[0]}}`;
  return undefined;
}

/**
 * Fills a template's placeholders.
 *
 * @param template - the text (checked with {@link promptTemplateProblem} beforehand)
 * @param values - a value per placeholder
 * @returns the filled text
 * @throws RangeError for a placeholder without a value
 */
export function fillPromptTemplate(template: string, values: Readonly<Record<string, string>>): string {
  let out = '';
  for (const piece of parseTemplate(template)) {
    if ('text' in piece) out += piece.text;
    else {
      const value = values[piece.name];
      if (value === undefined) throw new RangeError(`no value for the placeholder {${piece.name}}`);
      out += value;
    }
  }
  return out;
}
