import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelError } from '../ModelError.js';
import type { OllamaTestServer } from '../testing/OllamaTestServer.js';
import { startOllamaTestServer } from '../testing/OllamaTestServer.js';
import { createModel } from './createModel.js';
import { listModels } from './listModels.js';
import { showModel } from './showModel.js';
import { uploadBlob } from './uploadBlob.js';

let srv: OllamaTestServer;
let dir: string;
beforeEach(async () => {
  srv = await startOllamaTestServer({ models: ['llama3.2:1b'] });
  dir = await mkdtemp(join(tmpdir(), 'emocrowd-create-'));
});
afterEach(async () => {
  await srv.close();
  await rm(dir, { recursive: true, force: true });
});

const sha = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`;

describe('model management', () => {
  it('lists and shows models', async () => {
    const models = await listModels(srv.url);
    expect(models).toEqual([
      {
        name: 'llama3.2:1b',
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        size: expect.any(Number),
        modifiedAt: expect.any(String),
        family: 'llama',
        parameterSize: '1.2B',
        quantization: 'Q8_0',
      },
    ]);
    const shown = await showModel(srv.url, 'llama3.2:1b');
    expect(shown.modelfile).toContain('FROM');
    expect(shown.capabilities).toEqual(['completion']);
    expect(shown.modelInfo['general.architecture']).toBe('llama');
    const err = await showModel(srv.url, 'ghost').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect(err).toMatchObject({
      kind: 'not-found',
      message: `model "ghost" not found on ${srv.url} — run: ollama pull ghost (or ollama create ghost -f Modelfile)`,
    });
  });

  it('uploads a file as a sha256 blob once', async () => {
    const file = join(dir, 'adapter.safetensors');
    await writeFile(file, 'lora weights');
    expect(await uploadBlob(srv.url, file)).toBe(sha('lora weights'));
    expect(await uploadBlob(srv.url, file)).toBe(sha('lora weights'));
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `HEAD /api/blobs/${sha('lora weights')}`,
      `POST /api/blobs/${sha('lora weights')}`,
      `HEAD /api/blobs/${sha('lora weights')}`,
    ]);
    await expect(uploadBlob(srv.url, join(dir, 'missing'))).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('creates a model from a base and an adapter, streaming progress', async () => {
    const adapter = join(dir, 'joy.safetensors');
    await writeFile(adapter, 'joy adapter');
    const progress: string[] = [];
    const result = await createModel({
      host: srv.url,
      name: 'emollama-joy',
      from: 'llama3.2:1b',
      adapterPath: adapter,
      system: 'You feel joy.',
      parameters: { temperature: 0.7, stop: ['<|eot_id|>'] },
      onProgress: (s) => progress.push(s),
    });
    expect(result.blobs.adapter).toBe(sha('joy adapter'));
    expect(progress).toEqual(result.statuses);
    expect(progress.at(-1)).toBe('success');
    const create = srv.requests.find((r) => r.path === '/api/create');
    expect(create?.body).toEqual({
      model: 'emollama-joy',
      from: 'llama3.2:1b',
      adapters: { 'joy.safetensors': sha('joy adapter') },
      system: 'You feel joy.',
      parameters: { temperature: 0.7, stop: ['<|eot_id|>'] },
      stream: true,
    });
    expect((await listModels(srv.url)).map((m) => m.name)).toContain('emollama-joy:latest');
    expect((await showModel(srv.url, 'emollama-joy')).system).toBe('You feel joy.');
  });

  it('creates a model from a GGUF file', async () => {
    const gguf = join(dir, 'emo.gguf');
    await writeFile(gguf, 'GGUF....');
    const result = await createModel({ host: srv.url, name: 'emo', ggufPath: gguf });
    expect(result.blobs.gguf).toBe(sha('GGUF....'));
    expect(srv.requests.find((r) => r.path === '/api/create')?.body).toMatchObject({
      model: 'emo',
      files: { 'emo.gguf': sha('GGUF....') },
    });
  });

  it('says how to fix a missing base model, and refuses a spec without a base', async () => {
    await expect(createModel({ host: srv.url, name: 'x', from: 'ghost' })).rejects.toMatchObject({
      kind: 'not-found',
      message: expect.stringContaining('run: ollama pull ghost'),
    });
    await expect(createModel({ host: srv.url, name: 'x' })).rejects.toMatchObject({ kind: 'bad-request' });
  });
});
