/**
 * One line of a batch output or error file, read into what it says about its request:
 * - `answered`: the request ran and the server answered 2xx with a body (a chat completion);
 * - `failed`: the request ran and failed (an HTTP error status, or an `error` beside the response);
 * - `not-run`: the request never ran (`response: null` with `batch_expired` or `batch_cancelled`):
 *   there is no answer, so it is still to be asked.
 */
export type BatchOutput =
  | { kind: 'answered'; customId: string; id?: string; statusCode: number; body: unknown }
  | { kind: 'failed'; customId: string; id?: string; statusCode?: number; code?: string; message: string }
  | { kind: 'not-run'; customId: string; id?: string; code: string; message: string };

/** The codes of requests a batch never ran (the OpenAI Batch API's `error.code`). */
const NOT_RUN_CODES = new Set(['batch_expired', 'batch_cancelled']);

/**
 * Reads one output line of the OpenAI Batch API or of `vllm run-batch` (both write
 * `{"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}`).
 *
 * The two report failures differently, and both are read:
 * 1. OpenAI: a rejected request is `response.status_code` 4xx/5xx with
 *    `response.body.error.message` where the completion would be, `error: null`; a request that
 *    never ran is `response: null` with `error: {code, message}` (`batch_expired`,
 *    `batch_cancelled`: not-run; `request_timeout` and others: failed).
 * 2. vLLM: `error` is a string, or an ErrorResponse (`{error: {message, type, code}}`, or the
 *    older flat `{message, type, code}`), and `response.body` is null.
 * A line is answered only when `error` is empty, the status is 2xx and there is a body: a
 * body alone is not evidence of a completion.
 *
 * @param text the line (without its newline)
 * @returns what the line says
 * @throws Error naming what is missing when the line is not a batch output line
 */
export function decodeBatchOutputLine(text: string): BatchOutput {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw new Error('not a JSON line');
  }
  if (!isRecord(line) || typeof line.custom_id !== 'string' || line.custom_id === '')
    throw new Error('not a batch output line (no custom_id)');
  const customId = line.custom_id;
  const id = typeof line.id === 'string' ? { id: line.id } : {};
  const response = isRecord(line.response) ? line.response : undefined;
  if (line.response !== undefined && line.response !== null && !response)
    throw new Error('not a batch output line (response is neither an object nor null)');
  const statusCode = typeof response?.status_code === 'number' ? response.status_code : undefined;
  const body = response?.body;
  const error = errorOf(line.error);
  if (
    error === undefined &&
    statusCode !== undefined &&
    statusCode >= 200 &&
    statusCode < 300 &&
    isRecord(body)
  )
    return { kind: 'answered', customId, ...id, statusCode, body };
  const failure = error ?? errorOf(isRecord(body) ? body.error : undefined);
  const message =
    failure?.message ?? (statusCode !== undefined ? `HTTP ${statusCode}` : 'no response and no error');
  if (!response && failure?.code !== undefined && NOT_RUN_CODES.has(failure.code))
    return { kind: 'not-run', customId, ...id, code: failure.code, message };
  return {
    kind: 'failed',
    customId,
    ...id,
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(failure?.code !== undefined ? { code: failure.code } : {}),
    message,
  };
}

/** An `error` field in any of the shapes servers write; undefined when there is none. */
function errorOf(value: unknown): { code?: string; message: string } | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return { message: value };
  if (!isRecord(value)) return { message: String(value) };
  if (isRecord(value.error)) return errorOf(value.error);
  const message = typeof value.message === 'string' && value.message ? value.message : JSON.stringify(value);
  const code =
    typeof value.code === 'string' || typeof value.code === 'number' ? String(value.code) : undefined;
  return { ...(code !== undefined ? { code } : {}), message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
