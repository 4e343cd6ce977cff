import { modelErrorFromStatus } from '../http/modelErrorFromFailure.js';
import { parseStructuredText } from '../http/parseStructuredText.js';
import type { ModelBackend, ModelRequest, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import type { OpenAICompatibleBackend } from '../openai/OpenAICompatibleBackend.js';
import { OPENAI_FIXES } from '../openai/openAiFixes.js';
import { readChatCompletion } from '../openai/readChatCompletion.js';
import type { BatchOutput } from './batchOutputLine.js';
import { requestDigest } from './requestDigest.js';

/** An output line and where it was read (the file, named as the answer's host). */
export interface BatchAnswer {
  output: BatchOutput;
  source: string;
}

/** The reason of a call the batch outputs hold no answer for (never an answer of the model). */
export const BATCH_NOT_ANSWERED = 'the batch output files hold no answer to this request';

/** Options of {@link batchReplayBackend}. */
export interface BatchReplayOptions {
  /** The online adapter the batch stands in for: its bodies, model and identity. */
  adapter: OpenAICompatibleBackend;
  /** The output line answering the request whose body has this digest (`requestDigest`), if any. */
  answerFor(digest: string): BatchAnswer | undefined;
}

/**
 * The model port answering from batch output files instead of a server: each request is
 * answered by the output line of the request with the same body, exactly as the `openai:`
 * backend would have returned that answer online.
 *
 * Intuition: a batch is the online run with the transport swapped. The request is built by the
 * online adapter (`requestBody`), matched to its answer by the digest of those bytes, and the
 * answer read by the same code the online adapter reads a completion with. Behaviour:
 * 1. An answered line: text and usage by `readChatCompletion`, `structured` parsed when the
 *    request has a schema, `cached: false`, `latencyMs: 0` (a batch reports no latency), the
 *    adapter's model id, and the output file as `host`.
 * 2. A failed line: the `ModelError` the online adapter throws for the same HTTP status and
 *    message (`modelErrorFromStatus` with the OpenAI fixes); without a status, a `server` error
 *    naming the code.
 * 3. No line, or a line for a request that never ran (expired, cancelled): `ModelError('limit')`
 *    with {@link BATCH_NOT_ANSWERED}, which a response cache never records.
 * `info()` is the adapter's, so a response cache keys an answer exactly as it keys it online.
 *
 * @param options the adapter and the lookup of answers
 * @returns the backend
 */
export function batchReplayBackend(options: BatchReplayOptions): ModelBackend {
  const { adapter } = options;
  const model = adapter.info().model;
  return {
    info: () => adapter.info(),
    async generate(request: ModelRequest): Promise<ModelResponse> {
      const found = options.answerFor(requestDigest(adapter.requestBody(request)));
      if (!found || found.output.kind === 'not-run') throw new ModelError('limit', BATCH_NOT_ANSWERED);
      const { output, source } = found;
      if (output.kind === 'failed') {
        if (output.statusCode !== undefined && output.statusCode >= 400)
          throw modelErrorFromStatus(output.statusCode, output.message, {
            host: source,
            model,
            fixes: OPENAI_FIXES,
          });
        throw new ModelError(
          'server',
          `${source}: the request failed (${output.code ?? 'no status'}: ${output.message})`,
          { host: source },
        );
      }
      const reply = readChatCompletion(output.body, source);
      const structured = request.schema !== undefined ? parseStructuredText(reply.text) : undefined;
      return {
        text: reply.text,
        ...(structured !== undefined ? { structured } : {}),
        usage: reply.usage,
        latencyMs: 0,
        cached: false,
        model: adapter.info().id,
        host: source,
      };
    },
  };
}
