import type { BatchJobError } from '../../batch/BatchJob.js';
import { isRecord } from './httpIo.js';

/** One valid request of a batch input file. */
export interface BatchInputRequest {
  customId: string;
  body: Record<string, unknown>;
}

/** Most requests one batch may have (the OpenAI Batch API's limit). */
export const MAX_BATCH_REQUESTS = 50_000;

/**
 * Reads a batch input file as the OpenAI Batch API validates it before running anything: one
 * JSON object per non-empty line with `custom_id` (a string, unique in the file), `method`
 * "POST", `url` equal to the batch's endpoint and a `body` object; one model for the whole file;
 * at least one and at most 50,000 requests. Every problem found is reported with its code
 * (`empty_file`, `too_many_tasks`, `invalid_json_line`, `missing_required_parameter`,
 * `invalid_method`, `url_mismatch`, `duplicate_custom_id`, `model_mismatch`), its 1-based line
 * and a message; the first 100 are kept.
 *
 * @param content the file's bytes
 * @param endpoint the batch's endpoint
 * @returns the requests, or the errors that fail the batch
 */
export function validateBatchInput(
  content: Buffer,
  endpoint: string,
): { requests: BatchInputRequest[] } | { errors: BatchJobError[] } {
  const errors: BatchJobError[] = [];
  const requests: BatchInputRequest[] = [];
  const seen = new Set<string>();
  let model: string | undefined;
  const add = (code: string, line: number, message: string, param: string | null = null): void => {
    if (errors.length < 100) errors.push({ code, message, param, line });
  };
  const lines = content.toString('utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as string).trim();
    if (text === '') continue;
    const lineNo = i + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!isRecord(parsed)) {
      add('invalid_json_line', lineNo, 'This line is not parseable as valid JSON.');
      continue;
    }
    const missing = ['custom_id', 'method', 'url', 'body'].find((k) => parsed[k] === undefined);
    if (missing) {
      add('missing_required_parameter', lineNo, `Missing required parameter: '${missing}'.`, missing);
      continue;
    }
    const { custom_id: customId, method, url, body } = parsed;
    if (typeof customId !== 'string' || customId === '') {
      add('missing_required_parameter', lineNo, "'custom_id' must be a non-empty string.", 'custom_id');
      continue;
    }
    if (method !== 'POST') {
      add('invalid_method', lineNo, `Only POST is supported, got ${JSON.stringify(method)}.`, 'method');
      continue;
    }
    if (url !== endpoint) {
      add(
        'url_mismatch',
        lineNo,
        `The url ${JSON.stringify(url)} does not match the batch endpoint ${endpoint}.`,
        'url',
      );
      continue;
    }
    if (!isRecord(body)) {
      add('missing_required_parameter', lineNo, "'body' must be an object.", 'body');
      continue;
    }
    if (seen.has(customId)) {
      add(
        'duplicate_custom_id',
        lineNo,
        `The custom_id ${JSON.stringify(customId)} is used more than once.`,
        'custom_id',
      );
      continue;
    }
    seen.add(customId);
    const lineModel = typeof body.model === 'string' ? body.model : '';
    if (model === undefined) model = lineModel;
    else if (lineModel !== model) {
      add(
        'model_mismatch',
        lineNo,
        `All requests of a batch must use one model (${model}); this one uses ${JSON.stringify(lineModel)}.`,
        'body.model',
      );
      continue;
    }
    requests.push({ customId, body });
  }
  if (errors.length === 0 && requests.length === 0) add('empty_file', 1, 'The input file has no requests.');
  if (requests.length > MAX_BATCH_REQUESTS)
    add(
      'too_many_tasks',
      1,
      `The input file has ${requests.length} requests; a batch takes at most ${MAX_BATCH_REQUESTS}.`,
    );
  return errors.length > 0 ? { errors } : { requests };
}
