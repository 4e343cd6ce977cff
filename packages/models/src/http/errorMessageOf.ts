/**
 * The error text of a failed HTTP answer's body: OpenAI-style `{"error": {"message"}}`,
 * Ollama-style `{"error": "..."}`, vLLM / FastAPI `{"message"}` or `{"detail"}`; else the first
 * 200 characters of the body as it is.
 *
 * @param text The response body.
 * @returns The server's message.
 */
export function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
    if (typeof body.error === 'string') return body.error;
    if (
      typeof body.error === 'object' &&
      body.error !== null &&
      typeof (body.error as { message?: unknown }).message === 'string'
    ) {
      return (body.error as { message: string }).message;
    }
    if (typeof body.message === 'string') return body.message;
    if (typeof body.detail === 'string') return body.detail;
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}
