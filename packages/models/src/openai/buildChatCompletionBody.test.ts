import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildChatCompletionBody } from './buildChatCompletionBody.js';
import { OpenAICompatibleBackend } from './OpenAICompatibleBackend.js';

const messages = [
  { role: 'system' as const, content: 'You are one participant.' },
  { role: 'user' as const, content: 'How far is Seattle from Fargo?' },
];
const schema = { type: 'object', properties: { estimate: { type: 'number' } }, required: ['estimate'] };

let close = async (): Promise<void> => {};
afterEach(() => close());

describe('buildChatCompletionBody', () => {
  it('writes the fields in a fixed order and leaves out what is not set', () => {
    const body = buildChatCompletionBody({
      model: 'm',
      messages,
      options: { topP: 0.9, maxTokens: 64, seed: 3, temperature: 0.5, keepAlive: '30m' },
      schema,
    });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        model: 'm',
        messages,
        stream: false,
        seed: 3,
        temperature: 0.5,
        max_tokens: 64,
        top_p: 0.9,
        response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
      }),
    );
    expect(buildChatCompletionBody({ model: 'm', messages: [] })).toEqual({
      model: 'm',
      messages: [],
      stream: false,
    });
    expect(
      buildChatCompletionBody({ model: 'm', messages: [], schema, schemaName: 'estimate' }).response_format,
    ).toEqual({
      type: 'json_schema',
      json_schema: { name: 'estimate', schema },
    });
  });

  it('is byte for byte the body the openai backend posts', async () => {
    const raw: string[] = [];
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => {
        text += chunk;
      });
      req.on('end', () => {
        raw.push(text);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ choices: [{ message: { content: '{"estimate": 1}' } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => new Promise((resolve) => server.close(() => resolve()));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const options = { seed: 11, temperature: 0.8, maxTokens: 256 };
    await new OpenAICompatibleBackend({ model: 'qwen', baseUrl }).generate({ messages, options, schema });
    expect(raw).toEqual([
      JSON.stringify(buildChatCompletionBody({ model: 'qwen', messages, options, schema })),
    ]);
  });
});
