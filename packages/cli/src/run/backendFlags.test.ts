import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseRecord } from '@emocrowd/crowd';
import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

describe('emocrowd run with the backend registry', () => {
  let server: OllamaTestServer;
  let work: string;
  beforeAll(async () => {
    server = await startOllamaTestServer({ models: ['llama3.2:1b'] });
    work = mkdtempSync(join(tmpdir(), 'emocrowd-backends-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('cuts off every call at --timeout when the server never answers; the answers fail with the reason', async () => {
    server.setFaults({ failRate: 1, failKinds: ['hang'] });
    const out = join(work, 'hung');
    const args = ['run', '--model', 'openai:llama3.2:1b', '--host', server.url, '--personas', '4'];
    const started = performance.now();
    const { code, stdout, stderr } = await runCli(
      [
        ...args,
        '--timeout',
        '1500',
        '--retries',
        '0',
        '--no-cache',
        '--subsets',
        '0',
        '--json',
        '--out',
        out,
      ],
      { cwd: work },
    );
    server.setFaults({ failRate: 0 });
    expect(code, stderr).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(JSON.parse(stdout).counts).toMatchObject({ failed: 4, answered: 0, modelCalls: 4 });
    const records = readFileSync(join(out, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ResponseRecord);
    expect(records).toHaveLength(4);
    for (const r of records) expect(r.reason).toMatch(/no complete answer from .* within 1500 ms/);
  });

  it('passes a backend flag to its backend, and records secret ones as "(set)" in run.json', async () => {
    server.clearRequests();
    const base = ['run', '--host', server.url, '--subsets', '0', '--no-cache'];
    const native = await runCli(
      [
        ...base,
        '--model',
        'ollama:llama3.2:1b',
        '--personas',
        '3',
        '--ollama-client',
        'native',
        '--out',
        join(work, 'a'),
      ],
      { cwd: work },
    );
    expect(native.code, native.stderr).toBe(0);
    const chats = server.requests.filter((r) => r.path === '/api/chat');
    expect(chats).toHaveLength(3);
    for (const chat of chats) expect(chat.body).toMatchObject({ stream: false });

    const keyed = await runCli(
      [
        ...base,
        '--model',
        'openai:llama3.2:1b',
        '--personas',
        '2',
        '--api-key',
        'sk-secret',
        '--out',
        join(work, 'b'),
      ],
      { cwd: work },
    );
    expect(keyed.code, keyed.stderr).toBe(0);
    const completions = server.requests.filter((r) => r.path === '/v1/chat/completions');
    expect(completions.map((r) => r.headers.authorization)).toEqual(['Bearer sk-secret', 'Bearer sk-secret']);
    const manifest = readFileSync(join(work, 'b', 'run.json'), 'utf8');
    expect(manifest).not.toContain('sk-secret');
    expect(JSON.parse(manifest).request.backendOptions).toEqual({ 'api-key': '(set)' });
  });

  it('refuses a backend flag the chosen backend does not take, and --host for the synthetic model', async () => {
    const foreign = await runCli(['run', '--model', 'synthetic', '--ollama-client', 'native'], { cwd: work });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr.trim()).toBe(
      'emocrowd: --ollama-client applies to ollama: models, not synthetic; drop it or pick such a model',
    );
    const host = await runCli(['run', '--host', server.url], { cwd: work });
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/^emocrowd: --host does not apply to --model synthetic/);
    const unknown = await runCli(['run', '--model', 'vllm:qwen'], { cwd: work });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(
      /^emocrowd: --model "vllm:qwen" is not a model: use synthetic, langchain:PROVIDER:MODEL, ollama:NAME or openai:NAME/,
    );
  });
});
