import { describe, expect, it } from 'vitest';
import { decodeBatchOutputLine } from './batchOutputLine.js';

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [
    { index: 0, message: { role: 'assistant', content: '{"estimate": 1200}' }, finish_reason: 'stop' },
  ],
  usage: { prompt_tokens: 30, completion_tokens: 6, total_tokens: 36 },
};
const line = (value: unknown): string => JSON.stringify(value);

describe('decodeBatchOutputLine', () => {
  it('reads an answered line of the OpenAI Batch API and of vllm run-batch', () => {
    const openai = line({
      id: 'batch_req_1',
      custom_id: 'a',
      response: { status_code: 200, request_id: 'req_1', body: completion },
      error: null,
    });
    expect(decodeBatchOutputLine(openai)).toEqual({
      kind: 'answered',
      customId: 'a',
      id: 'batch_req_1',
      statusCode: 200,
      body: completion,
    });
    // vLLM writes the same envelope (its status_code defaults to 200).
    const vllm = line({
      id: 'vllm-1',
      custom_id: 'b',
      response: { status_code: 200, request_id: 'vllm-batch-1', body: completion },
      error: null,
    });
    expect(decodeBatchOutputLine(vllm).kind).toBe('answered');
  });

  it('reads an OpenAI request rejected with an HTTP status, whose error sits where the completion would be', () => {
    const rejected = line({
      id: 'batch_req_2',
      custom_id: 'c',
      response: {
        status_code: 400,
        request_id: 'req_2',
        body: {
          error: {
            message: "Invalid 'max_tokens'",
            type: 'invalid_request_error',
            param: 'max_tokens',
            code: null,
          },
        },
      },
      error: null,
    });
    expect(decodeBatchOutputLine(rejected)).toEqual({
      kind: 'failed',
      customId: 'c',
      id: 'batch_req_2',
      statusCode: 400,
      message: "Invalid 'max_tokens'",
    });
  });

  it('tells requests that never ran (expired, cancelled) from requests that failed (timeout)', () => {
    const expired = line({
      id: 'batch_req_3',
      custom_id: 'd',
      response: null,
      error: {
        code: 'batch_expired',
        message: 'This request could not be executed before the completion window expired.',
      },
    });
    expect(decodeBatchOutputLine(expired)).toMatchObject({ kind: 'not-run', code: 'batch_expired' });
    const cancelled = line({
      custom_id: 'e',
      response: null,
      error: { code: 'batch_cancelled', message: 'cancelled' },
    });
    expect(decodeBatchOutputLine(cancelled).kind).toBe('not-run');
    const timedOut = line({
      custom_id: 'f',
      response: null,
      error: { code: 'request_timeout', message: 'The request timed out.' },
    });
    expect(decodeBatchOutputLine(timedOut)).toEqual({
      kind: 'failed',
      customId: 'f',
      code: 'request_timeout',
      message: 'The request timed out.',
    });
  });

  it("reads vLLM's error lines: a string, an ErrorResponse, and the older flat ErrorResponse", () => {
    const text = line({
      id: 'vllm-2',
      custom_id: 'g',
      response: { status_code: 400, request_id: 'vllm-batch-2', body: null },
      error: 'Request must not be sent in stream mode',
    });
    expect(decodeBatchOutputLine(text)).toMatchObject({
      kind: 'failed',
      statusCode: 400,
      message: 'Request must not be sent in stream mode',
    });
    const nested = line({
      custom_id: 'h',
      response: { status_code: 404, request_id: 'x', body: null },
      error: {
        error: { message: 'The model `m` does not exist.', type: 'NotFoundError', param: 'model', code: 404 },
      },
    });
    expect(decodeBatchOutputLine(nested)).toMatchObject({
      kind: 'failed',
      statusCode: 404,
      code: '404',
      message: 'The model `m` does not exist.',
    });
    const flat = line({
      custom_id: 'i',
      response: { status_code: 400, request_id: 'x' },
      error: { object: 'error', message: 'context too long', type: 'BadRequestError', code: 400 },
    });
    expect(decodeBatchOutputLine(flat)).toMatchObject({ kind: 'failed', message: 'context too long' });
  });

  it('never takes a body for an answer when the status is an error or an error is set', () => {
    const bodyAndError = line({
      custom_id: 'j',
      response: { status_code: 200, body: completion },
      error: 'late failure',
    });
    expect(decodeBatchOutputLine(bodyAndError)).toMatchObject({ kind: 'failed', message: 'late failure' });
    const bodyOn500 = line({ custom_id: 'k', response: { status_code: 500, body: completion }, error: null });
    expect(decodeBatchOutputLine(bodyOn500)).toMatchObject({
      kind: 'failed',
      statusCode: 500,
      message: 'HTTP 500',
    });
  });

  it('refuses lines that are not batch output', () => {
    expect(() => decodeBatchOutputLine('{"custom_id": ')).toThrow('not a JSON line');
    expect(() => decodeBatchOutputLine(line({ id: 'x', response: null }))).toThrow('no custom_id');
    expect(() => decodeBatchOutputLine(line({ custom_id: 'x', response: 'ok' }))).toThrow(
      'neither an object nor null',
    );
  });
});
