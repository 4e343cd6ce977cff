import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { BATCH_CHAT_URL } from '../batch/batchRequestLine.js';
import type { OllamaTestServerRespond } from './OllamaTestServerAnswer.js';
import { defaultOllamaTestAnswer } from './OllamaTestServerAnswer.js';
import type { OllamaFaultOptions } from './OllamaTestServerFaults.js';
import { OllamaFaultPlan } from './OllamaTestServerFaults.js';
import { BatchStore } from './server/BatchStore.js';
import { completeChatRequest } from './server/completeChatRequest.js';
import { isRecord } from './server/httpIo.js';
import { ModelStore, sha256Hex } from './server/ModelStore.js';
import type { TestServerState } from './server/TestServerContext.js';

/** Options of {@link runBatchFile}. */
export interface RunBatchFileOptions {
  /** The batch input file (requests.jsonl). */
  input: string;
  /** Where the outputs go (results.jsonl); replaced if it exists. */
  output: string;
  /** The model served, as `vllm run-batch --model` names it; requests for another model fail. */
  model: string;
  /** Produces the answer texts; default the test server's `defaultOllamaTestAnswer`. */
  respond?: OllamaTestServerRespond;
  /** Latency and failures, as the test server injects them. */
  faults?: OllamaFaultOptions;
  /** Requests answered at once. Default 16. */
  concurrency?: number;
}

/** What a batch file run did. */
export interface RunBatchFileResult {
  requests: number;
  /** Lines with a 2xx answer. */
  answered: number;
  /** Lines with an error. */
  failed: number;
}

/**
 * An offline batch runner, as `vllm run-batch -i requests.jsonl -o results.jsonl --model M` is:
 * reads an OpenAI Batch input file and writes one output line per request, in input order, in
 * vLLM's format, answering each with the test server's inference (the answer POST
 * /v1/chat/completions gives for the same body, faults and latency included).
 *
 * Behaviour, as vLLM's run_batch entrypoint:
 * 1. Output lines are `{"id": "vllm-...", "custom_id", "response": {"status_code": 200,
 *    "request_id": "vllm-batch-...", "body": <chat completion>}, "error": null}`.
 * 2. A request for a model other than `model` gets status 404, `body: null` and `error` an
 *    ErrorResponse (`{"error": {"message": "The model `X` does not exist.", "type":
 *    "NotFoundError", "param": "model", "code": 404}}`); a url other than /v1/chat/completions
 *    status 400 with `error` a string; any other failure of the answer its status and
 *    ErrorResponse.
 * 3. A line that is not a request (bad JSON, no custom_id or body) stops the run with an error
 *    naming the line, as vLLM's request validation does.
 * Ids are derived from the line number, so a run is reproducible.
 *
 * @param options files, model, answers, faults, concurrency
 * @returns how many requests were answered and failed
 */
export async function runBatchFile(options: RunBatchFileOptions): Promise<RunBatchFileResult> {
  const requests = await readRequests(options.input);
  const state: TestServerState = {
    store: new ModelStore([options.model]),
    plan: new OllamaFaultPlan(options.faults ?? {}),
    respond: options.respond ?? defaultOllamaTestAnswer,
    version: 'run-batch',
    maxPending: undefined,
    pending: 0,
    closing: new AbortController().signal,
    batches: new BatchStore(),
  };
  const results: string[] = new Array(requests.length);
  const result: RunBatchFileResult = { requests: requests.length, answered: 0, failed: 0 };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const index = next++;
      const line = await answerLine(requests[index] as BatchLine, index, options.model, state);
      results[index] = line.text;
      if (line.answered) result.answered++;
      else result.failed++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 16) }, worker));
  const out = createWriteStream(options.output);
  for (const text of results) if (!out.write(`${text}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return result;
}

interface BatchLine {
  customId: string;
  url: unknown;
  body: Record<string, unknown>;
}

async function readRequests(path: string): Promise<BatchLine[]> {
  const requests: BatchLine[] = [];
  let lineNo = 0;
  for await (const text of createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    lineNo++;
    if (text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${path}:${lineNo}: not a JSON line`);
    }
    if (!isRecord(parsed) || typeof parsed.custom_id !== 'string' || !isRecord(parsed.body))
      throw new Error(`${path}:${lineNo}: not a batch request (needs custom_id, method, url and body)`);
    requests.push({ customId: parsed.custom_id, url: parsed.url, body: parsed.body });
  }
  return requests;
}

async function answerLine(
  request: BatchLine,
  index: number,
  model: string,
  state: TestServerState,
): Promise<{ text: string; answered: boolean }> {
  const id = `vllm-${sha256Hex(`line:${index}`).slice(0, 32)}`;
  const requestId = `vllm-batch-${sha256Hex(`request:${index}`).slice(0, 32)}`;
  const line = (status: number, body: unknown, error: unknown) =>
    JSON.stringify({
      id,
      custom_id: request.customId,
      response: { status_code: status, request_id: requestId, body },
      error,
    });
  if (request.url !== BATCH_CHAT_URL)
    return {
      text: line(
        400,
        null,
        `URL ${String(request.url)} was used. Supported endpoints: /v1/chat/completions, /v1/embeddings, /score, /rerank.`,
      ),
      answered: false,
    };
  if (request.body.model !== model)
    return {
      text: line(404, null, {
        error: {
          message: `The model \`${String(request.body.model)}\` does not exist.`,
          type: 'NotFoundError',
          param: 'model',
          code: 404,
        },
      }),
      answered: false,
    };
  const outcome = await completeChatRequest(request.body, state, state.closing);
  if (outcome.kind === 'timeout') return { text: line(400, null, outcome.message), answered: false };
  if (outcome.status >= 200 && outcome.status < 300)
    return { text: line(outcome.status, outcome.body, null), answered: true };
  const message =
    isRecord(outcome.body) && isRecord(outcome.body.error) ? outcome.body.error.message : 'error';
  return {
    text: line(outcome.status, null, {
      error: {
        message,
        type: outcome.status >= 500 ? 'InternalServerError' : 'BadRequestError',
        param: null,
        code: outcome.status,
      },
    }),
    answered: false,
  };
}
