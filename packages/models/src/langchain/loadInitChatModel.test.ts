import { describe, expect, it } from 'vitest';
import { missingPackage } from './loadInitChatModel.js';

describe('missingPackage', () => {
  it('names the package to install, from Node or from LangChain', () => {
    const node = Object.assign(new Error("Cannot find package 'langchain' imported from /x/y.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(missingPackage(node, 'langchain:openai:gpt-4o-mini')?.message).toBe(
      '--model langchain:openai:gpt-4o-mini needs the package langchain, which is not installed — run: npm install langchain',
    );
    expect(missingPackage(node, 'langchain:openai:gpt-4o-mini', '@langchain/openai')?.message).toMatch(
      /run: npm install langchain @langchain\/openai$/,
    );
    const langchain = new Error(
      'Unable to import @langchain/anthropic. Please install with `npm install @langchain/anthropic`',
    );
    expect(missingPackage(langchain, 'langchain:anthropic:claude')).toMatchObject({
      kind: 'bad-request',
      message: expect.stringMatching(
        /needs the package @langchain\/anthropic, .* run: npm install @langchain\/anthropic$/,
      ),
    });
  });

  it('leaves other errors alone', () => {
    expect(missingPackage(new Error('OpenAI API key not found'), 'langchain:openai:x')).toBeUndefined();
  });
});
