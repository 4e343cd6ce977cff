import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '@emocrowd/crowd';
import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

describe('emocrowd run --model langchain:openai:MODEL --host URL', () => {
  let server: OllamaTestServer;
  let work: string;
  beforeAll(async () => {
    server = await startOllamaTestServer({ models: ['llama3.1:8b'] });
    work = mkdtempSync(join(tmpdir(), 'emocrowd-langchain-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('completes a crowd against an OpenAI-compatible server, with the seed and the schema in every request', async () => {
    const out = join(work, 'crowd');
    const { code, stdout, stderr } = await runCli(
      [
        'run',
        '--model',
        'langchain:openai:llama3.1:8b',
        '--host',
        server.url,
        '--personas',
        '40',
        '--no-cache',
        '--subsets',
        '0',
        '--json',
        '--out',
        out,
      ],
      { cwd: work },
    );
    expect(code, stderr).toBe(0);
    expect(stderr).not.toContain('note:');
    const summary = JSON.parse(stdout) as RunSummary;
    expect(summary.counts).toMatchObject({ expected: 40, answered: 40, failed: 0, modelCalls: 40 });
    expect(summary.usage.promptTokens).toBeGreaterThan(0);
    expect(summary.counts.modelPromptTokens).toBe(summary.usage.promptTokens);

    const bodies = server.requests
      .filter((r) => r.path === '/v1/chat/completions')

      .map((r) => r.body as Record<string, unknown>);
    expect(bodies).toHaveLength(40);
    const seeds = new Set(bodies.map((b) => b.seed));
    expect(seeds.size).toBe(40);
    for (const body of bodies) {
      expect(body.seed).toEqual(expect.any(Number));
      expect(body).toMatchObject({
        model: 'llama3.1:8b',
        temperature: 0.8,
        max_tokens: 256,
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object' } } },
      });
    }
    const manifest = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
    expect(manifest.descriptor.model).toMatchObject({
      id: 'langchain:openai:llama3.1:8b',
      backend: 'langchain',
      capabilities: {
        seed: true,
        temperature: true,
        maxTokens: true,
        topP: true,
        keepAlive: false,
        schema: true,
      },
    });
  });

  it('names the provider package to install when it is missing, exit 2', async () => {
    const { code, stderr } = await runCli(
      ['run', '--model', 'langchain:perplexity:sonar', '--personas', '2'],
      {
        cwd: work,
      },
    );
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'emocrowd: --model langchain:perplexity:sonar needs the package @langchain/perplexity, which is not installed — run: npm install @langchain/perplexity',
    );
  });
});
