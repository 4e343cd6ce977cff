import { describe, expect, it } from 'vitest';
import { parseStructuredText } from './parseStructuredText.js';

describe('parseStructuredText', () => {
  it('parses a bare JSON object, a fenced block, or an object inside prose', () => {
    expect(parseStructuredText(' {"estimate": 1200} ')).toEqual({ estimate: 1200 });
    expect(parseStructuredText('Here:\n```json\n{"estimate": 5}\n```')).toEqual({ estimate: 5 });
    expect(parseStructuredText('I think {"reasoning": "a {brace} in text", "estimate": 7} ok')).toEqual({
      reasoning: 'a {brace} in text',
      estimate: 7,
    });
    expect(parseStructuredText('{bad} then {"estimate": 3}')).toEqual({ estimate: 3 });
  });

  it('returns undefined for free text, arrays, scalars and truncated JSON', () => {
    expect(parseStructuredText('About 1200 miles.')).toBeUndefined();
    expect(parseStructuredText('[1, 2]')).toBeUndefined();
    expect(parseStructuredText('42')).toBeUndefined();
    expect(parseStructuredText('{"estimate": 12')).toBeUndefined();
  });
});
