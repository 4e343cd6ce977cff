import { createWriteStream, openAsBlob, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { errorMessageOf } from '../http/errorMessageOf.js';
import { modelErrorFromFailure } from '../http/modelErrorFromFailure.js';
import { normalizeBaseUrl } from '../http/normalizeBaseUrl.js';
import { withDeadline } from '../http/withDeadline.js';
import { ModelError } from '../ModelError.js';
import { OPENAI_FIXES } from '../openai/openAiFixes.js';
import type { BatchFile, BatchJob } from './BatchJob.js';

/** Options of a {@link BatchApiClient}. */
export interface BatchApiClientOptions {
  /** The server, with or without "/v1" (OpenAI, Azure OpenAI's /openai, a LiteLLM proxy, ...). */
  baseUrl: string;
  /** Bearer token; none is sent without one. */
  apiKey?: string;
  /** Timeout of one small call (create, retrieve, list, cancel), in ms. Default 60000. */
  timeoutMs?: number;
  /** Timeout of an upload or download, in ms. Default 1800000 (30 minutes). */
  transferTimeoutMs?: number;
}

/** What to create a batch with. */
export interface CreateBatchParams {
  inputFileId: string;
  /** Default "/v1/chat/completions". */
  endpoint?: string;
  /** Default "24h" (the only window the OpenAI Batch API accepts). */
  completionWindow?: string;
  /** At most 16 pairs; keys up to 64 characters, values up to 512. */
  metadata?: Record<string, string>;
}

/** One page of a list. */
export interface ListPage<T> {
  data: T[];
  has_more: boolean;
  last_id?: string | null;
}

/**
 * A client of the OpenAI Files and Batch APIs (/v1/files, /v1/batches), as OpenAI, Azure
 * OpenAI and LiteLLM's proxy serve them, with plain fetch.
 *
 * Behaviour:
 * 1. Uploads are multipart/form-data (`purpose`, `file`) streamed from disk; downloads stream
 *    to a temporary file beside the target, renamed into place when complete (a download cut
 *    off leaves no partial file behind).
 * 2. Every call has a deadline; an HTTP error becomes a one-line `ModelError` naming the host,
 *    the call and the server's message (404 of the endpoint itself: the server implements no
 *    Batch API); network failures as the model backends report them.
 *
 * @example
 * const api = new BatchApiClient({ baseUrl: 'https://api.openai.com', apiKey });
 * const file = await api.uploadFile('requests.jsonl');
 * const batch = await api.createBatch({ inputFileId: file.id });
 */
export class BatchApiClient {
  /** The server's base URL, without "/v1". */
  readonly host: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly transferTimeoutMs: number;

  /** @param options server, key and timeouts */
  constructor(options: BatchApiClientOptions) {
    this.host = normalizeBaseUrl(options.baseUrl, { stripV1: true });
    this.apiKey = options.apiKey || undefined;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.transferTimeoutMs = options.transferTimeoutMs ?? 1_800_000;
  }

  /**
   * Uploads a file (POST /v1/files).
   * @param path the local file
   * @param options `purpose` (default "batch") and the name the server keeps (default the file's name)
   */
  async uploadFile(path: string, options: { purpose?: string; filename?: string } = {}): Promise<BatchFile> {
    const form = new FormData();
    form.set('purpose', options.purpose ?? 'batch');
    form.set(
      'file',
      await openAsBlob(path, { type: 'application/jsonl' }),
      options.filename ?? basename(path),
    );
    return (await this.call('POST', '/v1/files', { form, transfer: true })) as BatchFile;
  }

  /** One page of the files (GET /v1/files), newest first. */
  async listFiles(
    params: { purpose?: string; after?: string; limit?: number } = {},
  ): Promise<ListPage<BatchFile>> {
    return (await this.call('GET', `/v1/files${query(params)}`)) as ListPage<BatchFile>;
  }

  /**
   * Downloads a file's content (GET /v1/files/{id}/content) to `path`.
   * @returns the number of bytes written
   */
  async downloadFile(id: string, path: string): Promise<number> {
    const what = `GET /v1/files/${id}/content`;
    const deadline = withDeadline(this.transferTimeoutMs, undefined);
    const tmp = `${path}.part-${process.pid}`;
    try {
      // Streamed to disk through the global fetch: deadline.fetch reads an answer whole, and a
      // batch's output file can be hundreds of megabytes.
      const res = await fetch(`${this.host}/v1/files/${encodeURIComponent(id)}/content`, {
        headers: this.headers(false),
        signal: deadline.signal,
      });
      if (!res.ok) throw this.statusError(res.status, errorMessageOf(await res.text()), what);
      let bytes = 0;
      const body = Readable.fromWeb(res.body as unknown as WebReadableStream<Uint8Array>);
      body.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      await pipeline(body, createWriteStream(tmp));
      renameSync(tmp, path);
      return bytes;
    } catch (error) {
      rmSync(tmp, { force: true });
      throw this.failure(error, deadline.timedOut(), this.transferTimeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  /** Creates a batch (POST /v1/batches). */
  async createBatch(params: CreateBatchParams): Promise<BatchJob> {
    return (await this.call('POST', '/v1/batches', {
      json: {
        input_file_id: params.inputFileId,
        endpoint: params.endpoint ?? '/v1/chat/completions',
        completion_window: params.completionWindow ?? '24h',
        ...(params.metadata ? { metadata: params.metadata } : {}),
      },
    })) as BatchJob;
  }

  /** The batch as it is now (GET /v1/batches/{id}). */
  async retrieveBatch(id: string): Promise<BatchJob> {
    return (await this.call('GET', `/v1/batches/${encodeURIComponent(id)}`)) as BatchJob;
  }

  /** Asks the server to cancel a batch (POST /v1/batches/{id}/cancel). */
  async cancelBatch(id: string): Promise<BatchJob> {
    return (await this.call('POST', `/v1/batches/${encodeURIComponent(id)}/cancel`)) as BatchJob;
  }

  /** One page of the batches (GET /v1/batches), newest first. */
  async listBatches(params: { after?: string; limit?: number } = {}): Promise<ListPage<BatchJob>> {
    return (await this.call('GET', `/v1/batches${query(params)}`)) as ListPage<BatchJob>;
  }

  private async call(
    method: 'GET' | 'POST',
    path: string,
    body: { json?: unknown; form?: FormData; transfer?: boolean } = {},
  ): Promise<unknown> {
    const what = `${method} ${path.split('?')[0]}`;
    const timeoutMs = body.transfer ? this.transferTimeoutMs : this.timeoutMs;
    const deadline = withDeadline(timeoutMs, undefined);
    try {
      const res = await deadline.fetch(`${this.host}${path}`, {
        method,
        headers: this.headers(body.json !== undefined),
        ...(body.json !== undefined ? { body: JSON.stringify(body.json) } : {}),
        ...(body.form !== undefined ? { body: body.form } : {}),
      });
      const text = await res.text();
      if (!res.ok) throw this.statusError(res.status, errorMessageOf(text), what);
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw this.failure(error, deadline.timedOut(), timeoutMs);
    } finally {
      deadline.dispose();
    }
  }

  private headers(json: boolean): Record<string, string> {
    return {
      Accept: 'application/json',
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...(this.apiKey ? { Authorization: `Bearer ${this.apiKey}` } : {}),
    };
  }

  private failure(error: unknown, timedOut: boolean, timeoutMs: number): ModelError {
    return modelErrorFromFailure(error, {
      host: this.host,
      model: '',
      fixes: OPENAI_FIXES,
      timedOut,
      timeoutMs,
    });
  }

  private statusError(status: number, message: string, what: string): ModelError {
    const said = message.replace(/[\r\n]+/g, ' ').trim() || `HTTP ${status}`;
    const opts = { status, host: this.host };
    if (status === 404 && /page not found|not found$/i.test(said) && !/\b(file|batch)[-_]/i.test(said))
      return new ModelError(
        'bad-request',
        `${this.host} has no ${what} (404: ${said}) — it serves no OpenAI Batch API; use one that does (OpenAI, Azure OpenAI, a LiteLLM proxy) or vllm run-batch with emocrowd batch export/import`,
        opts,
      );
    if (status === 404) return new ModelError('not-found', `${this.host}: ${what} (404: ${said})`, opts);
    if (status === 401 || status === 403)
      return new ModelError(
        'bad-request',
        `${this.host} refused the credentials (${status}: ${said}) — ${OPENAI_FIXES.credentials}`,
        opts,
      );
    if (status === 429 || status === 503)
      return new ModelError('busy', `${this.host} is busy (${what}, ${status}: ${said}) — retry later`, opts);
    if (status >= 500)
      return new ModelError(
        'server',
        `${this.host} failed (${what}, ${status}: ${said}) — check the server log`,
        opts,
      );
    return new ModelError('bad-request', `${this.host} rejected ${what} (${status}: ${said})`, opts);
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string | number][];
  return entries.length === 0
    ? ''
    : `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}
