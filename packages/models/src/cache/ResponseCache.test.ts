import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelResponse } from '../ModelBackend.js';
import { ResponseCache } from './ResponseCache.js';

const answer = (text: string): ModelResponse => ({
  text,
  structured: { miles: Number(text) },
  usage: { promptTokens: 40, completionTokens: 5 },
  latencyMs: 812,
  cached: false,
  model: 'ollama:emollama',
  host: 'gpu1',
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ResponseCache', () => {
  it('creates directories and the file, in WAL mode', () => {
    const path = join(dir, 'deep', 'er', 'responses.sqlite');
    const cache = new ResponseCache(path);
    cache.put('k', answer('1194'));
    expect(existsSync(path)).toBe(true);
    cache.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('stores and reads answers; lookup counts hits and misses, put counts writes', () => {
    const cache = new ResponseCache(join(dir, 'c.sqlite'));
    expect(cache.lookup('k1')).toBeUndefined();
    cache.put('k1', answer('1194'));
    expect(cache.lookup('k1')).toEqual(answer('1194'));
    expect(cache.get('k1')).toMatchObject({ status: 'ok', response: answer('1194') });
    expect(cache.stats()).toEqual({ hits: 1, misses: 1, writes: 1 });
    cache.close();
  });

  it('records failures and unparsed answers; lookup serves them according to retryFailed', () => {
    const cache = new ResponseCache(join(dir, 'c.sqlite'));
    cache.recordFailure('failed', 'failed', 'connection: refused');
    cache.put('unparsed', answer('about a thousand'));
    cache.recordFailure('unparsed', 'unparsed', 'no number in the answer');
    cache.recordFailure('raw-only', 'unparsed', 'no number', 'far, far away');

    expect(cache.get('failed')).toMatchObject({ status: 'failed', reason: 'connection: refused' });
    expect(cache.get('failed')?.response).toBeUndefined();
    expect(cache.get('unparsed')).toMatchObject({
      status: 'unparsed',
      reason: 'no number in the answer',
      response: { text: 'about a thousand' },
    });

    expect(cache.lookup('failed')).toBeUndefined();
    expect(cache.lookup('unparsed')?.text).toBe('about a thousand');
    expect(cache.lookup('raw-only')?.text).toBe('far, far away');
    expect(cache.lookup('unparsed', { retryFailed: true })).toBeUndefined();
    expect(cache.lookup('raw-only', { retryFailed: true })).toBeUndefined();

    expect(cache.keys('unparsed')).toEqual(expect.arrayContaining(['unparsed', 'raw-only']));
    expect(cache.keys('failed')).toEqual(['failed']);
    expect(cache.counts()).toEqual({ ok: 0, failed: 1, unparsed: 2 });

    cache.put('failed', answer('1200'));
    expect(cache.get('failed')).toMatchObject({ status: 'ok', response: { text: '1200' } });
    expect(cache.get('failed')?.reason).toBeUndefined();
    expect(cache.delete('failed')).toBe(true);
    expect(cache.delete('failed')).toBe(false);
    cache.close();
  });

  it('keeps everything when the file is reopened by a new instance', () => {
    const path = join(dir, 'c.sqlite');
    const first = new ResponseCache(path);
    for (let i = 0; i < 50; i++) first.put(`k${i}`, answer(String(1100 + i)));
    first.recordFailure('bad', 'unparsed', 'no number', 'dunno');
    first.close();

    const second = new ResponseCache(path);
    expect(second.lookup('k42')).toEqual(answer('1142'));
    expect(second.get('bad')).toMatchObject({ status: 'unparsed', raw: 'dunno' });
    expect(second.counts()).toEqual({ ok: 50, failed: 0, unparsed: 1 });
    expect(second.stats()).toEqual({ hits: 1, misses: 0, writes: 0 });
    second.close();
  });

  it('two open instances on one file see each other’s writes', () => {
    const path = join(dir, 'c.sqlite');
    const a = new ResponseCache(path);
    const b = new ResponseCache(path);
    a.put('k', answer('1194'));
    expect(b.lookup('k')?.text).toBe('1194');
    a.close();
    b.close();
  });

  it('keeps committed writes when the writing process is killed (SIGKILL)', async () => {
    const path = join(dir, 'killed.sqlite');
    const source = fileURLToPath(new URL('./ResponseCache.ts', import.meta.url));
    const script = join(dir, 'writer.ts');
    writeFileSync(
      script,
      `import { ResponseCache } from ${JSON.stringify(source)};
const cache = new ResponseCache(${JSON.stringify(path)});
for (let i = 0; i < 100; i++) {
  cache.put('k' + i, { text: String(i), usage: { promptTokens: 0, completionTokens: 0 }, latencyMs: 1, cached: false, model: 'm' });
}
cache.recordFailure('k7', 'failed', 'server: 500');
process.stdout.write('written\\n');
setInterval(() => undefined, 1000);
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('written')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(existsSync(`${path}-wal`)).toBe(true);

    const reopened = new ResponseCache(path);
    expect(reopened.counts()).toEqual({ ok: 99, failed: 1, unparsed: 0 });
    expect(reopened.lookup('k99')?.text).toBe('99');
    expect(reopened.get('k7')).toMatchObject({
      status: 'failed',
      reason: 'server: 500',
      response: { text: '7' },
    });
    reopened.close();
  });
});
