import { describe, expect, it } from 'vitest';
import { buildModelfile } from './buildModelfile.js';

describe('buildModelfile', () => {
  it('writes FROM, ADAPTER, TEMPLATE, SYSTEM and one PARAMETER line per value', () => {
    const text = buildModelfile({
      from: 'llama3.2:1b',
      adapter: './adapters/joy lora.safetensors',
      template: '{{ .System }}\n{{ .Prompt }}',
      system: 'You feel "joy".\nAnswer with a number.',
      parameters: { temperature: 0.8, num_predict: 128, stop: ['<|eot_id|>', '<|end|>'] },
    });
    expect(text).toBe(
      [
        'FROM llama3.2:1b',
        'ADAPTER ./adapters/joy lora.safetensors',
        'TEMPLATE "{{ .System }}\n{{ .Prompt }}"',
        'SYSTEM """You feel "joy".\nAnswer with a number."""',
        'PARAMETER temperature 0.8',
        'PARAMETER num_predict 128',
        'PARAMETER stop <|eot_id|>',
        'PARAMETER stop <|end|>',
        '',
      ].join('\n'),
    );
  });

  it('uses a GGUF path as FROM, and quotes values with edge spaces', () => {
    expect(buildModelfile({ gguf: '/models/emo.gguf', system: ' padded ' })).toBe(
      'FROM /models/emo.gguf\nSYSTEM " padded "\n',
    );
  });

  it('rejects specs it cannot write faithfully', () => {
    expect(() => buildModelfile({})).toThrow(RangeError);
    expect(() => buildModelfile({ from: 'a', gguf: 'b' })).toThrow(RangeError);
    expect(() => buildModelfile({ from: 'a', system: 'x """ y' })).toThrow(/"""/);
    expect(() => buildModelfile({ from: 'a', parameters: { 'Bad Name': 1 } })).toThrow(/lower_snake_case/);
  });
});
