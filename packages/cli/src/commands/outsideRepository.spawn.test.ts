import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/repoRoot.js';

/**
 * The shipped data is found from the installed package, never from the working directory:
 * `finetune data` and `eval emotions` without `--goemotions` work from a folder that has nothing
 * of the repository in or beside it, as a real process.
 */

const CLI = join(REPO_ROOT, 'packages', 'cli', 'src', 'cli.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function emocrowd(
  cwd: string,
  args: readonly string[],
): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS; // vitest's loader hooks must not leak into the child
  const child = spawnSync(
    process.execPath,
    ['--conditions=@emocrowd/source', '--import', TSX, CLI, ...args],
    {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

describe('emocrowd run from a folder outside the repository', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'emocrowd-elsewhere-'));
    expect(dir.startsWith(REPO_ROOT)).toBe(false);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finetune data --objective recognize --format chat --out x.jsonl writes the shipped GoEmotions train split', () => {
    const r = emocrowd(dir, [
      'finetune',
      'data',
      '--objective',
      'recognize',
      '--format',
      'chat',
      '--out',
      'x.jsonl',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = readFileSync(join(dir, 'x.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(43_410); // the train split's rows (GoEmotions README)
    expect(JSON.parse(lines[0] as string)).toHaveProperty('messages');
  });

  it('eval emotions --model builtin --split test scores the shipped classifier on the test split', () => {
    const r = emocrowd(dir, [
      'eval',
      'emotions',
      '--model',
      'builtin',
      '--split',
      'test',
      '--json',
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { n: number; split: string; macroF1: number };
    expect([report.split, report.n]).toEqual(['test', 5427]);
    expect(report.macroF1).toBeGreaterThan(0.2);
  });
});
