import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchFileWriter, OPENAI_BATCH_LIMITS } from './BatchFileWriter.js';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-batch-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lineOf = (i: number): string => JSON.stringify({ custom_id: `r${i}`, n: 'x'.repeat(10) });

describe('BatchFileWriter', () => {
  it('keeps to the OpenAI Batch API limits by default: 50,000 lines and 200,000,000 bytes', () => {
    expect(OPENAI_BATCH_LIMITS).toEqual({ maxLines: 50_000, maxBytes: 200_000_000 });
  });

  it('writes one file under the name asked for when everything fits', () => {
    const writer = new BatchFileWriter(join(dir, 'requests.jsonl'));
    for (let i = 0; i < 5; i++) writer.write(lineOf(i));
    const parts = writer.close();
    expect(parts).toEqual([
      { path: join(dir, 'requests.jsonl'), lines: 5, bytes: 5 * (lineOf(0).length + 1) },
    ]);
    expect(readdirSync(dir)).toEqual(['requests.jsonl']);
    expect(readFileSync(join(dir, 'requests.jsonl'), 'utf8').split('\n').slice(0, 2)).toEqual([
      lineOf(0),
      lineOf(1),
    ]);
  });

  it('splits by lines and by bytes into numbered files, every line kept once and in order', () => {
    const bytes = lineOf(0).length + 1;
    const byLines = new BatchFileWriter(join(dir, 'a.jsonl'), { maxLines: 4, maxBytes: 1e9 });
    for (let i = 0; i < 10; i++) byLines.write(lineOf(i));
    expect(byLines.close().map((p) => [p.path.slice(dir.length + 1), p.lines])).toEqual([
      ['a-001.jsonl', 4],
      ['a-002.jsonl', 4],
      ['a-003.jsonl', 2],
    ]);
    const byBytes = new BatchFileWriter(join(dir, 'b.jsonl'), { maxLines: 1000, maxBytes: 3 * bytes });
    for (let i = 0; i < 7; i++) byBytes.write(lineOf(i));
    const parts = byBytes.close();
    expect(parts.map((p) => p.lines)).toEqual([3, 3, 1]);
    expect(parts.every((p) => p.bytes <= 3 * bytes)).toBe(true);
    const all = parts.flatMap((p) => readFileSync(p.path, 'utf8').trim().split('\n'));
    expect(all).toEqual(Array.from({ length: 7 }, (_, i) => lineOf(i)));
  });

  it('never writes over a file, refuses a line larger than a file, and leaves nothing when aborted', () => {
    writeFileSync(join(dir, 'taken.jsonl'), 'keep me\n');
    expect(() => new BatchFileWriter(join(dir, 'taken.jsonl'))).toThrow(/exists/);
    expect(readFileSync(join(dir, 'taken.jsonl'), 'utf8')).toBe('keep me\n');
    writeFileSync(join(dir, 'c-002.jsonl'), 'keep me too\n');
    const writer = new BatchFileWriter(join(dir, 'c.jsonl'), { maxLines: 1, maxBytes: 1e9 });
    writer.write(lineOf(0));
    expect(() => writer.write(lineOf(1))).toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'c-002.jsonl'), 'utf8')).toBe('keep me too\n');
    writer.abort();
    expect(existsSync(join(dir, 'c-001.jsonl'))).toBe(false);
    const tiny = new BatchFileWriter(join(dir, 'd.jsonl'), { maxLines: 10, maxBytes: 5 });
    expect(() => tiny.write(lineOf(0))).toThrow(/larger than the 5-byte file limit/);
  });
});
