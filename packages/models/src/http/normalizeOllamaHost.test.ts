import { describe, expect, it } from 'vitest';
import { normalizeOllamaHost } from './normalizeOllamaHost.js';

describe('normalizeOllamaHost', () => {
  it('reads hosts the way Ollama reads OLLAMA_HOST', () => {
    expect(normalizeOllamaHost('gpu-box')).toBe('http://gpu-box:11434');
    expect(normalizeOllamaHost('gpu-box:8080')).toBe('http://gpu-box:8080');
    expect(normalizeOllamaHost(':8080')).toBe('http://127.0.0.1:8080');
    expect(normalizeOllamaHost('http://10.0.0.5:11434/')).toBe('http://10.0.0.5:11434');
    expect(normalizeOllamaHost('http://example.com')).toBe('http://example.com:80');
    expect(normalizeOllamaHost('https://example.com/ollama/')).toBe('https://example.com:443/ollama');
    expect(normalizeOllamaHost('[::1]:9999')).toBe('http://[::1]:9999');
    expect(normalizeOllamaHost('  0.0.0.0  ')).toBe('http://0.0.0.0:11434');
  });

  it('falls back to OLLAMA_HOST, then to http://127.0.0.1:11434', () => {
    const saved = process.env.OLLAMA_HOST;
    try {
      process.env.OLLAMA_HOST = 'box:1234';
      expect(normalizeOllamaHost()).toBe('http://box:1234');
      delete process.env.OLLAMA_HOST;
      expect(normalizeOllamaHost()).toBe('http://127.0.0.1:11434');
      expect(normalizeOllamaHost('')).toBe('http://127.0.0.1:11434');
    } finally {
      if (saved === undefined) delete process.env.OLLAMA_HOST;
      else process.env.OLLAMA_HOST = saved;
    }
  });
});
