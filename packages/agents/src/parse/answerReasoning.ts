/**
 * The reasoning of an answer: the `reasoning` field of a JSON answer when it has one, else the
 * whole text, trimmed.
 *
 * Intuition: the prompt asks for `{"estimate", "confidence", "reasoning"}`; the reasoning is the
 * part that says how the persona thought, which is what an emotion recognizer or a conduct judge
 * should read, not the braces and numbers around it.
 *
 * @param raw - the model's text
 * @returns the reasoning ("" without text)
 */
export function answerReasoning(raw: string | undefined): string {
  if (raw === undefined) return '';
  const trimmed = raw.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof parsed.reasoning === 'string') return parsed.reasoning.trim();
    } catch {
      // not JSON after all: the text is the reasoning
    }
  }
  return trimmed;
}
