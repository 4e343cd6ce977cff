import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchApiClient } from '../batch/BatchApiClient.js';
import type { BatchJob, BatchStatus } from '../batch/BatchJob.js';
import { FINAL_BATCH_STATUSES } from '../batch/BatchJob.js';
import { decodeBatchOutputLine } from '../batch/batchOutputLine.js';
import { ModelError } from '../ModelError.js';
import type { OllamaTestServer, OllamaTestServerOptions } from './OllamaTestServer.js';
import { startOllamaTestServer } from './OllamaTestServer.js';

let dir = '';
const servers: OllamaTestServer[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-batches-'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(
  options: OllamaTestServerOptions = {},
): Promise<{ server: OllamaTestServer; api: BatchApiClient }> {
  const server = await startOllamaTestServer(options);
  servers.push(server);
  return { server, api: new BatchApiClient({ baseUrl: `${server.url}/v1` }) };
}

const body = (i: number, model = 'llama3.2:1b') => ({
  model,
  messages: [{ role: 'user', content: `Estimate number ${i}.` }],
  stream: false,
  seed: i,
  max_tokens: 64,
  response_format: {
    type: 'json_schema',
    json_schema: { name: 'answer', schema: { type: 'object', properties: { estimate: { type: 'number' } } } },
  },
});
const requestLine = (i: number, model?: string) =>
  JSON.stringify({
    custom_id: `req-${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: body(i, model),
  });

function inputFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Polls until the batch is final, recording every status seen. */
async function poll(api: BatchApiClient, id: string): Promise<{ job: BatchJob; seen: BatchStatus[] }> {
  const seen: BatchStatus[] = [];
  for (;;) {
    const job = await api.retrieveBatch(id);
    if (seen[seen.length - 1] !== job.status) seen.push(job.status);
    if (FINAL_BATCH_STATUSES.has(job.status)) return { job, seen };
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function linesOf(api: BatchApiClient, fileId: string | null | undefined): Promise<string[]> {
  if (!fileId) return [];
  const path = join(dir, `${fileId}.jsonl`);
  await api.downloadFile(fileId, path);
  return readFileSync(path, 'utf8').trim().split('\n');
}

describe('the test server speaks the OpenAI Files API', () => {
  it('uploads, lists, retrieves, downloads and deletes a file', async () => {
    const { server, api } = await start();
    const path = inputFile('requests.jsonl', [requestLine(1), requestLine(2)]);
    const file = await api.uploadFile(path);
    expect(file).toMatchObject({
      object: 'file',
      filename: 'requests.jsonl',
      purpose: 'batch',
      bytes: readFileSync(path).length,
    });
    expect(file.id).toMatch(/^file-[0-9a-f]{24}$/);
    expect((await api.listFiles({ purpose: 'batch' })).data.map((f) => f.id)).toEqual([file.id]);
    expect((await api.listFiles({ purpose: 'batch_output' })).data).toEqual([]);
    await api.downloadFile(file.id, join(dir, 'back.jsonl'));
    expect(readFileSync(join(dir, 'back.jsonl'))).toEqual(readFileSync(path));
    const deleted = await fetch(`${server.url}/v1/files/${file.id}`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id: file.id, object: 'file', deleted: true });
    const gone = await api.downloadFile(file.id, join(dir, 'gone.jsonl')).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ModelError);
    expect((gone as ModelError).message).toMatch(/404: No such File object/);
  });
});

describe('the test server speaks the OpenAI Batch API', () => {
  it('goes validating -> in_progress -> finalizing -> completed and answers each line as online', async () => {
    const { server, api } = await start({
      latencyMs: 50,
      batches: { validatingMs: 200, finalizingMs: 200, concurrency: 2 },
    });
    const file = await api.uploadFile(
      inputFile(
        'requests.jsonl',
        Array.from({ length: 8 }, (_, i) => requestLine(i)),
      ),
    );
    const created = await api.createBatch({ inputFileId: file.id, metadata: { run: 'r1' } });
    expect(created).toMatchObject({
      object: 'batch',
      status: 'validating',
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      input_file_id: file.id,
      metadata: { run: 'r1' },
      output_file_id: null,
    });
    expect(created.expires_at).toBe(created.created_at + 86_400);
    const { job, seen } = await poll(api, created.id);
    expect(seen).toEqual(['validating', 'in_progress', 'finalizing', 'completed']);
    expect(job.request_counts).toEqual({ total: 8, completed: 8, failed: 0 });
    expect(job.error_file_id).toBeNull();
    expect(job.completed_at).toBeGreaterThanOrEqual(job.created_at);
    const outputs = (await linesOf(api, job.output_file_id)).map((l) => JSON.parse(l));
    expect(outputs.map((o) => o.custom_id).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `req-${i}`).sort(),
    );
    for (const output of outputs) {
      expect(output.id).toMatch(/^batch_req_/);
      expect(output.response.request_id).toMatch(/^req_/);
      expect(output.error).toBeNull();
      const i = Number(output.custom_id.slice(4));
      const online = await (
        await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(body(i)) })
      ).json();
      expect(output.response.body.choices).toEqual(online.choices);
      expect(output.response.body.usage).toEqual(online.usage);
    }
    expect((await api.listBatches()).data.map((b) => b.id)).toEqual([created.id]);
  });

  it('writes failed requests to the error file, answered ones to the output file', async () => {
    const { server, api } = await start({ batches: { validatingMs: 1, finalizingMs: 1, concurrency: 1 } });
    server.failNext(1, 'busy');
    server.failNext(1, 'hang');
    const file = await api.uploadFile(inputFile('r.jsonl', [requestLine(1), requestLine(2), requestLine(3)]));
    const { job } = await poll(api, (await api.createBatch({ inputFileId: file.id })).id);
    expect(job.status).toBe('completed');
    expect(job.request_counts).toEqual({ total: 3, completed: 1, failed: 2 });
    const errors = (await linesOf(api, job.error_file_id)).map(decodeBatchOutputLine);
    expect(errors).toEqual([
      expect.objectContaining({ kind: 'failed', customId: 'req-1', statusCode: 503 }),
      expect.objectContaining({ kind: 'failed', customId: 'req-2', code: 'request_timeout' }),
    ]);
    expect((await linesOf(api, job.output_file_id)).map(decodeBatchOutputLine)).toEqual([
      expect.objectContaining({ kind: 'answered', customId: 'req-3' }),
    ]);
  });

  it('fails validation with the codes and lines of the OpenAI Batch API', async () => {
    const { api } = await start({ batches: { validatingMs: 1, finalizingMs: 1 } });
    const lines = [
      requestLine(1),
      'not json',
      JSON.stringify({ custom_id: 'x', method: 'POST', url: '/v1/chat/completions' }),
      requestLine(1),
      JSON.stringify({ custom_id: 'y', method: 'POST', url: '/v1/embeddings', body: body(9) }),
      requestLine(5, 'other-model'),
    ];
    const file = await api.uploadFile(inputFile('bad.jsonl', lines));
    const created = await api.createBatch({ inputFileId: file.id });
    expect(created.status).toBe('validating');
    const { job, seen } = await poll(api, created.id);
    expect(seen[seen.length - 1]).toBe('failed');
    expect(seen).not.toContain('in_progress');
    expect(job.failed_at).toBeTypeOf('number');
    expect(job.output_file_id).toBeNull();
    expect(job.errors?.data.map((e) => [e.code, e.line])).toEqual([
      ['invalid_json_line', 2],
      ['missing_required_parameter', 3],
      ['duplicate_custom_id', 4],
      ['url_mismatch', 5],
      ['model_mismatch', 6],
    ]);
    const empty = await api.uploadFile(inputFile('empty.jsonl', ['']));
    const emptyJob = (await poll(api, (await api.createBatch({ inputFileId: empty.id })).id)).job;
    expect(emptyJob.errors?.data[0]?.code).toBe('empty_file');
  });

  it('cancels: cancelling, then cancelled with what ran and batch_cancelled lines for the rest', async () => {
    const { api } = await start({
      latencyMs: 40,
      batches: { validatingMs: 1, finalizingMs: 1, concurrency: 1 },
    });
    const file = await api.uploadFile(
      inputFile(
        'r.jsonl',
        Array.from({ length: 6 }, (_, i) => requestLine(i)),
      ),
    );
    const created = await api.createBatch({ inputFileId: file.id });
    for (;;) {
      const job = await api.retrieveBatch(created.id);
      if ((job.request_counts?.completed ?? 0) >= 1) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const cancelling = await api.cancelBatch(created.id);
    expect(cancelling.status).toBe('cancelling');
    expect(cancelling.cancelling_at).toBeTypeOf('number');
    const { job } = await poll(api, created.id);
    expect(job.status).toBe('cancelled');
    const answered = (await linesOf(api, job.output_file_id)).map(decodeBatchOutputLine);
    const notRun = (await linesOf(api, job.error_file_id)).map(decodeBatchOutputLine);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(answered.length + notRun.length).toBe(6);
    expect(notRun.every((o) => o.kind === 'not-run' && o.code === 'batch_cancelled')).toBe(true);
    const again = await api.cancelBatch(created.id);
    expect(again.status).toBe('cancelled');
  });

  it('refuses bad batch parameters and unknown ids in the API error shape', async () => {
    const { api } = await start();
    const file = await api.uploadFile(inputFile('r.jsonl', [requestLine(1)]));
    await expect(api.createBatch({ inputFileId: file.id, completionWindow: '1h' })).rejects.toThrow(
      /400: 'completion_window' must be '24h'/,
    );
    await expect(api.createBatch({ inputFileId: file.id, endpoint: '/v1/embeddings' })).rejects.toThrow(
      /'endpoint' must be/,
    );
    await expect(api.createBatch({ inputFileId: 'file-nope' })).rejects.toThrow(
      /404: No such File object: file-nope/,
    );
    await expect(api.retrieveBatch('batch_nope')).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('BatchApiClient against a server without a Batch API', () => {
  let plain: Server | undefined;
  afterEach(() => new Promise<void>((r) => (plain ? plain.close(() => r()) : r())));

  it('says the server serves no Batch API and what to use instead', async () => {
    plain = createServer((_req, res) =>
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found'),
    );
    await new Promise<void>((r) => plain?.listen(0, '127.0.0.1', () => r()));
    const api = new BatchApiClient({ baseUrl: `http://127.0.0.1:${(plain.address() as AddressInfo).port}` });
    const error = (await api.listBatches().catch((e: unknown) => e)) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect(error.message).toMatch(
      /has no GET \/v1\/batches \(404: 404 page not found\) — it serves no OpenAI Batch API/,
    );
    expect(error.message).not.toContain('\n');
  });
});
