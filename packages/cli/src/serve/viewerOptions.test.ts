import { type OllamaTestServer, startOllamaTestServer } from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunStart } from './runStartSchema.js';
import { viewerOptions } from './viewerOptions.js';

describe('the viewer server and the backend registry', () => {
  let server: OllamaTestServer;
  beforeAll(async () => {
    server = await startOllamaTestServer({ models: ['llama3.2:1b', 'emollama'] });
  });
  afterAll(() => server.close());

  it('offers the synthetic model and what each configured server lists', async () => {
    const options = await viewerOptions({ OLLAMA_HOST: server.url, OPENAI_BASE_URL: `${server.url}/v1` });
    expect(options.models.map((m) => m.id)).toEqual([
      'synthetic',
      'ollama:llama3.2:1b',
      'ollama:emollama:latest',
      'openai:llama3.2:1b',
      'openai:emollama:latest',
    ]);
    expect(options.ollama).toEqual({ host: server.url, reachable: true });
  });

  it('says why a server lists nothing, and leaves out backends without a configured server', async () => {
    const options = await viewerOptions({ OLLAMA_HOST: 'http://127.0.0.1:9' }, 1000);
    expect(options.models.map((m) => m.id)).toEqual(['synthetic']);
    expect(options.ollama.reachable).toBe(false);
    expect(options.ollama.error).toMatch(/127\.0\.0\.1:9/);
  });

  it('starts runs on backends the viewer may use, with servers only from the environment', () => {
    const env = { OLLAMA_HOST: server.url };
    expect(parseRunStart({ model: 'ollama:llama3.2:1b' }, env)).toMatchObject({
      model: 'ollama:llama3.2:1b',
      hosts: [],
    });
    expect(() => parseRunStart({ model: 'openai:llama3.2:1b' }, env)).toThrow(
      /model: --model openai:NAME needs --host URL .* or OPENAI_BASE_URL on the server/,
    );
    expect(parseRunStart({ model: 'openai:llama3.2:1b' }, { OPENAI_BASE_URL: server.url }).model).toBe(
      'openai:llama3.2:1b',
    );
    expect(() => parseRunStart({ model: 'vllm:x' }, env)).toThrow(
      /model: use synthetic, ollama:NAME or openai:NAME/,
    );
  });
});
