import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeBatchOutputLine } from '../batch/batchOutputLine.js';
import type { OllamaTestServer } from './OllamaTestServer.js';
import { startOllamaTestServer } from './OllamaTestServer.js';
import { runBatchFile } from './runBatchFile.js';

let dir = '';
let server: OllamaTestServer | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-run-batch-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const body = (i: number, model = 'llama3.2:1b') => ({
  model,
  messages: [{ role: 'user', content: `Estimate number ${i}.` }],
  stream: false,
  seed: i,
  max_tokens: 64,
});
const line = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    custom_id: `c${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: body(i),
    ...extra,
  });

describe('runBatchFile (the offline run-batch stand-in)', () => {
  it('writes one vLLM output line per request, in input order, with the online answer', async () => {
    const input = join(dir, 'requests.jsonl');
    writeFileSync(input, `${[0, 1, 2, 3, 4].map((i) => line(i)).join('\n')}\n`);
    const result = await runBatchFile({
      input,
      output: join(dir, 'results.jsonl'),
      model: 'llama3.2:1b',
      concurrency: 3,
    });
    expect(result).toEqual({ requests: 5, answered: 5, failed: 0 });
    const outputs = readFileSync(join(dir, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(outputs.map((o) => o.custom_id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    server = await startOllamaTestServer();
    for (const [i, output] of outputs.entries()) {
      expect(output.id).toMatch(/^vllm-[0-9a-f]{32}$/);
      expect(output.response.request_id).toMatch(/^vllm-batch-/);
      expect(output.response.status_code).toBe(200);
      expect(output.error).toBeNull();
      const online = await (
        await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify(body(i)) })
      ).json();
      expect(output.response.body.choices).toEqual(online.choices);
      expect(output.response.body.usage).toEqual(online.usage);
    }
  });

  it("answers another model's request and another url with vLLM's error lines", async () => {
    const input = join(dir, 'requests.jsonl');
    const other = JSON.stringify({
      custom_id: 'm',
      method: 'POST',
      url: '/v1/chat/completions',
      body: body(1, 'qwen'),
    });
    writeFileSync(input, `${[line(0), other, line(2, { url: '/v1/completions' })].join('\n')}\n`);
    const result = await runBatchFile({ input, output: join(dir, 'results.jsonl'), model: 'llama3.2:1b' });
    expect(result).toEqual({ requests: 3, answered: 1, failed: 2 });
    const decoded = readFileSync(join(dir, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map(decodeBatchOutputLine);
    expect(decoded[1]).toEqual(
      expect.objectContaining({
        kind: 'failed',
        statusCode: 404,
        message: 'The model `qwen` does not exist.',
      }),
    );
    expect(decoded[2]).toEqual(expect.objectContaining({ kind: 'failed', statusCode: 400 }));
    expect((decoded[2] as { message: string }).message).toMatch(/^URL \/v1\/completions was used/);
  });

  it('runs as a process with vllm run-batch flags and stops on a line that is not a request', () => {
    const main = fileURLToPath(new URL('./runBatchMain.ts', import.meta.url));
    const input = join(dir, 'requests.jsonl');
    writeFileSync(input, `${line(0)}\n${line(1)}\n`);
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.NODE_OPTIONS;
    const ok = spawnSync(
      process.execPath,
      ['--import', 'tsx', main, '-i', input, '-o', join(dir, 'out.jsonl'), '--model', 'llama3.2:1b'],
      { encoding: 'utf8', env, timeout: 60_000 },
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/2 requests, 2 answered, 0 failed/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
    writeFileSync(input, `${line(0)}\n{"custom_id": 1}\n`);
    const bad = spawnSync(
      process.execPath,
      ['--import', 'tsx', main, '-i', input, '-o', join(dir, 'bad.jsonl'), '--model', 'llama3.2:1b'],
      { encoding: 'utf8', env, timeout: 60_000 },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/requests\.jsonl:2: not a batch request/);
  });
});
