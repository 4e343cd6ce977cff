import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { goEmotionsDir } from '@emocrowd/data';
import { GOEMOTIONS_LABELS, readJsonl, validateTrainingRecords } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/repoRoot.js';
import { runCli } from '../testing/runCli.js';

const GOEMOTIONS = goEmotionsDir();
const tmp = (): string => mkdtempSync(join(tmpdir(), 'emocrowd-finetune-'));

/** The label counts of train.tsv as the dataset's README states them (ids 0..27). */
function readmeTrainCounts(): number[] {
  const readme = readFileSync(join(GOEMOTIONS, 'README.md'), 'utf8');
  const line = /Checksums of label counts in train[^\n]*\n([\d ]+)\n/.exec(readme)?.[1];
  if (line === undefined) throw new Error('README has no checksum line');
  return line.trim().split(/\s+/).map(Number);
}

describe('emocrowd finetune data', () => {
  it('writes the whole train split as chat records whose label counts equal the README checksums', async () => {
    const dir = tmp();
    const { code, stdout } = await runCli(
      [
        'finetune',
        'data',
        '--goemotions',
        GOEMOTIONS,
        '--objective',
        'express',
        '--format',
        'chat',
        '--out',
        'out/express.jsonl',
        '--json',
      ],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      records: number;
      rows: number;
      skipped: number;
      labelCounts: Record<string, number>;
    };
    expect(result).toMatchObject({ rows: 43410, records: 43410, skipped: 0 });
    const expected = readmeTrainCounts();
    expect(expected).toHaveLength(28);
    expect(GOEMOTIONS_LABELS.map((l) => result.labelCounts[l])).toEqual(expected);

    const records = await readJsonl(join(dir, 'out/express.jsonl'));
    expect(records).toHaveLength(43410);
    expect(validateTrainingRecords(records, 'chat')).toEqual([]);
    const first = records[0] as { messages: Array<{ role: string }> };
    expect(first.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
  });

  it('prints the label counts as a table', async () => {
    const dir = tmp();
    const { code, stdout } = await runCli(
      [
        'finetune',
        'data',
        '--goemotions',
        GOEMOTIONS,
        '--objective',
        'recognize',
        '--labels',
        'ekman',
        '--split',
        'dev',
        '--max-per-label',
        '100',
        '--format',
        'alpaca',
        '--out',
        'ekman.jsonl',
      ],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^wrote \d+ alpaca records \(recognize, dev split, ekman labels\) to ekman\.jsonl/,
    );
    expect(stdout).toMatch(/^label\s+records\s+share$/m);
    for (const label of ['anger', 'disgust', 'fear', 'joy', 'sadness', 'surprise', 'neutral']) {
      expect(stdout).toMatch(new RegExp(`^${label}\\s+\\d+\\s+\\d+\\.\\d%$`, 'm'));
    }
    const counts = [...stdout.matchAll(/^(anger|disgust|fear|joy|sadness|surprise|neutral)\s+(\d+)/gm)].map(
      (m) => Number(m[2]),
    );
    expect(Math.max(...counts)).toBeLessThanOrEqual(100);
    const records = await readJsonl(join(dir, 'ekman.jsonl'));
    expect(validateTrainingRecords(records, 'alpaca')).toEqual([]);
    expect((records[0] as { instruction: string }).instruction).toBe(
      'Classify the emotion of the sentence to anger, disgust, fear, joy, sadness, surprise or neutral:',
    );
  });

  it('is reproducible by seed', async () => {
    const dir = tmp();
    const base = [
      'finetune',
      'data',
      '--goemotions',
      GOEMOTIONS,
      '--objective',
      'express',
      '--split',
      'test',
      '--balance',
    ];
    await runCli([...base, '--seed', '1', '--out', 'a.jsonl'], { cwd: dir });
    await runCli([...base, '--seed', '1', '--out', 'b.jsonl'], { cwd: dir });
    await runCli([...base, '--seed', '2', '--out', 'c.jsonl'], { cwd: dir });
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    expect(read('a.jsonl')).toBe(read('b.jsonl'));
    expect(read('a.jsonl')).not.toBe(read('c.jsonl'));
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'keep.jsonl'), 'precious\n');
    const args = [
      'finetune',
      'data',
      '--goemotions',
      GOEMOTIONS,
      '--objective',
      'recognize',
      '--split',
      'test',
      '--out',
      'keep.jsonl',
    ];
    const refused = await runCli(args, { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('keep.jsonl exists; pass --force');
    expect(readFileSync(join(dir, 'keep.jsonl'), 'utf8')).toBe('precious\n');
    expect((await runCli([...args, '--force'], { cwd: dir })).code).toBe(0);
    expect((await readJsonl(join(dir, 'keep.jsonl'))).length).toBe(5427);
  });

  it('names what is missing: objective, out, or the data folder', async () => {
    const dir = tmp();
    expect(
      (await runCli(['finetune', 'data', '--out', 'x.jsonl', '--goemotions', GOEMOTIONS], { cwd: dir }))
        .stderr,
    ).toContain('needs --objective');
    expect(
      (await runCli(['finetune', 'data', '--objective', 'express', '--goemotions', GOEMOTIONS], { cwd: dir }))
        .stderr,
    ).toContain('needs --out');
    const noData = await runCli(
      ['finetune', 'data', '--objective', 'express', '--out', 'x.jsonl', '--goemotions', dir],
      { cwd: dir },
    );
    expect(noData.code).toBe(2);
    expect(noData.stderr).toContain('has no train.tsv');
    // without --goemotions the shipped GoEmotions is used, whatever the working directory
    const defaulted = await runCli(
      [
        'finetune',
        'data',
        '--objective',
        'express',
        '--split',
        'dev',
        '--out',
        join(dir, 'd.jsonl'),
        '--json',
      ],
      {
        cwd: REPO_ROOT,
      },
    );
    expect(defaulted.code).toBe(0);
    expect((JSON.parse(defaulted.stdout) as { rows: number }).rows).toBe(5426);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });
});

describe('emocrowd finetune recipe', () => {
  it('prints where the training recipe is and how to run it', async () => {
    const { code, stdout } = await runCli(['finetune', 'recipe', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { recipe: string; steps: string[] };
    expect(data.recipe).toBe(resolve(REPO_ROOT, 'packages/models/recipes/train_unsloth.py'));
    expect(existsSync(data.recipe)).toBe(true);
    expect(data.steps.some((s) => s.startsWith(`python3 ${data.recipe} --data `))).toBe(true);
    const text = await runCli(['finetune', 'recipe']);
    expect(text.stdout).toContain(`training recipe: ${data.recipe}`);
  });

  it('needs a sub-command', async () => {
    const { code, stderr } = await runCli(['finetune']);
    expect(code).toBe(2);
    expect(stderr).toContain('one of: data, recipe');
  });
});
