import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'emocrowd-models-'));

let srv: OllamaTestServer;
let closedUrl: string;

beforeAll(async () => {
  srv = await startOllamaTestServer({ models: ['llama3.2:1b', 'qwen2.5:0.5b'] });
  const gone = await startOllamaTestServer();
  closedUrl = gone.url;
  await gone.close();
});
afterAll(async () => {
  await srv.close();
});

describe('emocrowd models', () => {
  it("lists the server's models with size, digest and modification time", async () => {
    const { code, stdout, stderr } = await runCli(['models', '--host', srv.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`models on ${srv.url}:`);
    expect(stdout).toMatch(/^name\s+size\s+digest\s+modified \(UTC\)/m);
    expect(stdout).toMatch(/^llama3\.2:1b\s+\d[\d.]* [KMG]?B\s+[0-9a-f]{12}\s+\d{4}-\d\d-\d\d \d\d:\d\d/m);
    expect(stdout).toMatch(/^qwen2\.5:0\.5b\s/m);
  });

  it('takes the host from OLLAMA_HOST of the environment, and prints JSON', async () => {
    const { code, stdout } = await runCli(['models', '--json'], { env: { OLLAMA_HOST: srv.url } });
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as {
      host: string;
      models: Array<{ name: string; digest: string; size: number }>;
    };
    expect(data.host).toBe(srv.url);
    expect(data.models.map((m) => m.name)).toEqual(['llama3.2:1b', 'qwen2.5:0.5b']);
    expect(typeof data.models[0]?.size).toBe('number');
  });

  it('names the host and both fixes in one line when the server is unreachable', async () => {
    const { code, stdout, stderr } = await runCli(['models', '--host', closedUrl]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`cannot reach the Ollama server at ${closedUrl}`);
    expect(stderr).toContain('ollama serve');
    expect(stderr).toContain('--host');
  });
});

describe('emocrowd models show', () => {
  it("shows a model's details and Modelfile", async () => {
    const { code, stdout } = await runCli(['models', 'show', 'llama3.2:1b', '--host', srv.url]);
    expect(code).toBe(0);
    expect(stdout).toContain(`llama3.2:1b on ${srv.url}`);
    expect(stdout).toMatch(/context\s+131072/);
    expect(stdout).toContain('Modelfile:');
    const json = JSON.parse(
      (await runCli(['models', 'show', 'llama3.2:1b', '--host', srv.url, '--json'])).stdout,
    ) as {
      capabilities: string[];
    };
    expect(json.capabilities).toContain('completion');
  });

  it('reports an unknown model as a usage error', async () => {
    const { code, stderr } = await runCli(['models', 'show', 'nope', '--host', srv.url]);
    expect(code).toBe(2);
    expect(stderr).toContain('nope');
  });
});

describe('emocrowd models create', () => {
  it('creates a model from a base with a system prompt and parameters, and writes its Modelfile', async () => {
    const dir = tmp();
    srv.clearRequests();
    const args = [
      'models',
      'create',
      '--name',
      'calm',
      '--from',
      'llama3.2:1b',
      '--system',
      'You feel calm.',
      '--parameter',
      'temperature=0.2',
      '--parameter',
      'stop=<|eot_id|>',
      '--parameter',
      'stop=END',
      '--host',
      srv.url,
    ];
    const { code, stdout, stderr } = await runCli(args, { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(`created calm on ${srv.url}`);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('success');
    expect(srv.models).toContain('calm:latest');
    const create = srv.requests.find((r) => r.path === '/api/create');
    expect(create?.body).toMatchObject({
      model: 'calm',
      from: 'llama3.2:1b',
      system: 'You feel calm.',
      parameters: { temperature: 0.2, stop: ['<|eot_id|>', 'END'] },
    });
    expect(readFileSync(join(dir, 'calm.Modelfile'), 'utf8')).toBe(
      'FROM llama3.2:1b\nSYSTEM You feel calm.\nPARAMETER temperature 0.2\nPARAMETER stop <|eot_id|>\nPARAMETER stop END\n',
    );
    // the Modelfile is not overwritten without --force
    const again = await runCli(args, { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect((await runCli([...args, '--force'], { cwd: dir })).code).toBe(0);
  });

  it('uploads an adapter file as a blob and names it in the create request', async () => {
    const dir = tmp();
    const bytes = Buffer.from('not really a LoRA adapter, but bytes to upload');
    writeFileSync(join(dir, 'adapter.gguf'), bytes);
    srv.clearRequests();
    const { code, stdout } = await runCli(
      [
        'models',
        'create',
        '--name',
        'emollama',
        '--from',
        'llama3.2:1b',
        '--adapter',
        'adapter.gguf',
        '--host',
        srv.url,
        '--json',
      ],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    expect(srv.hasBlob(digest)).toBe(true);
    const result = JSON.parse(stdout) as { blobs: { adapter: string }; statuses: string[] };
    expect(result.blobs.adapter).toBe(digest);
    expect(result.statuses.at(-1)).toBe('success');
    expect(srv.requests.find((r) => r.path === '/api/create')?.body).toMatchObject({
      adapters: { 'adapter.gguf': digest },
    });
  });

  it('--dry-run prints the Modelfile without touching the server or the disk', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'w.gguf'), 'weights');
    srv.clearRequests();
    const { code, stdout } = await runCli(
      [
        'models',
        'create',
        '--name',
        'x',
        '--gguf',
        'w.gguf',
        '--system',
        'Two\nlines',
        '--dry-run',
        '--host',
        srv.url,
      ],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`FROM ${join(dir, 'w.gguf')}\nSYSTEM "Two\nlines"\n`);
    expect(srv.requests).toHaveLength(0);
    expect(existsSync(join(dir, 'x.Modelfile'))).toBe(false);
  });

  it('refuses inconsistent or missing inputs before contacting the server', async () => {
    const dir = tmp();
    srv.clearRequests();
    const cases: Array<[string[], RegExp]> = [
      [['--from', 'llama3.2:1b'], /needs --name/],
      [['--name', 'x'], /exactly one of --from/],
      [['--name', 'x', '--from', 'a', '--gguf', 'b.gguf'], /exactly one of --from/],
      [['--name', 'x', '--gguf', 'missing.gguf'], /--gguf missing\.gguf: no such file/],
      [['--name', 'x', '--from', 'a', '--parameter', 'temperature'], /key=value/],
      [['--name', 'x', '--from', 'a', '--parameter', 'Top-K=3'], /lower_snake_case/],
    ];
    for (const [extra, message] of cases) {
      const { code, stderr } = await runCli(['models', 'create', ...extra, '--host', srv.url], { cwd: dir });
      expect(code, extra.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(srv.requests).toHaveLength(0);
  });

  it('reports an unknown base model with the server message, exit 2', async () => {
    const dir = tmp();
    const { code, stderr } = await runCli(
      ['models', 'create', '--name', 'y', '--from', 'nope:1b', '--host', srv.url],
      { cwd: dir },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('nope:1b');
    expect(existsSync(join(dir, 'y.Modelfile'))).toBe(false);
  });
});
