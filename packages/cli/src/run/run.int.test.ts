import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseRecord, RunSummary } from '@emocrowd/crowd';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

/**
 * `emocrowd run` end to end against a real Ollama: runs only when OLLAMA_HOST is set, with
 * OLLAMA_MODEL (default "llama3.2:1b"; pull it first). See docs/testing.md.
 */
const host = process.env.OLLAMA_HOST;
const model = process.env.OLLAMA_MODEL ?? 'llama3.2:1b';

describe.skipIf(!host)('emocrowd run against a real Ollama', () => {
  const work = mkdtempSync(join(tmpdir(), 'emocrowd-int-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const args = (out: string) => [
    'run',
    '--model',
    `ollama:${model}`,
    '--host',
    host as string,
    '--personas',
    '12',
    '--concurrency',
    '2',
    '--subsets',
    '0',
    '--cache',
    join(work, 'cache.sqlite'),
    '--out',
    join(work, out),
    '--json',
  ];

  it('asks 12 personas, parses most answers, and a rerun comes from the cache', async () => {
    const first = await runCli(args('first'), { cwd: work, env: { OLLAMA_HOST: host } });
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as RunSummary;
    expect(summary.model).toEqual({ id: `ollama:${model}`, isLanguageModel: true });
    expect(summary.counts.answered + summary.counts.unparsed + summary.counts.failed).toBe(12);
    expect(summary.counts.answered).toBeGreaterThanOrEqual(6);
    const lines = readFileSync(join(work, 'first', 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const records = lines.map((line) => JSON.parse(line) as ResponseRecord);
    expect(records.every((r) => r.tokens.completion > 0 || r.status === 'failed')).toBe(true);
    const second = await runCli(args('second'), { cwd: work, env: { OLLAMA_HOST: host } });
    expect(second.code, second.stderr).toBe(0);
    expect((JSON.parse(second.stdout) as RunSummary).counts.modelCalls).toBe(0);
  }, 600_000);
});
