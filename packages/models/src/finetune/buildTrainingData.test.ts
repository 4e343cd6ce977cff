import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { goEmotionsDir } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { GOEMOTIONS_LABELS } from '../goemotions/goEmotionsLabels.js';
import { type GoEmotionsRow, readGoEmotions } from '../goemotions/readGoEmotions.js';
import { buildTrainingData } from './buildTrainingData.js';
import { readJsonl, writeJsonl } from './jsonl.js';
import { AlpacaRecordSchema, ChatRecordSchema, validateTrainingRecords } from './trainingRecordSchemas.js';

const DATA = goEmotionsDir();
const README_COUNTS =
  '4130 2328 1567 2470 2939 1087 1368 2191 641 1269 2022 793 303 853 596 2662 77 1452 2086 164 1581 111 1110 153 545 1326 1060 14219';

const rows: GoEmotionsRow[] = [
  { text: '[NAME] is the best, thank you!', labels: [15, 0], id: 'a' },
  { text: 'ok', labels: [27], id: 'b' },
  { text: 'meh', labels: [27], id: 'c' },
  { text: 'whatever', labels: [27], id: 'd' },
  { text: 'I hate [RELIGION]s', labels: [2], id: 'e' },
];

/** Reads a JSONL file the way a trainer's loader does: line by line, JSON.parse each. */
async function readLines(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const line of createInterface({ input: createReadStream(path, 'utf8') }))
    if (line) out.push(JSON.parse(line));
  return out;
}

describe('buildTrainingData', () => {
  it('writes express chat records a JSON-lines reader loads and the chat schema accepts', async () => {
    const data = buildTrainingData({ rows, objective: 'express', format: 'chat', seed: 7, split: 'train' });
    const dir = await mkdtemp(join(tmpdir(), 'ft-'));
    try {
      const file = join(dir, 'express.jsonl');
      await writeJsonl(file, data.records);
      const loaded = await readLines(file);
      expect(loaded).toHaveLength(5);
      expect(validateTrainingRecords(loaded, 'chat')).toEqual([]);
      expect(await readJsonl(file)).toEqual(loaded);
      const byId = new Map(data.sources.map((s, i) => [s.id, ChatRecordSchema.parse(loaded[i])]));
      const a = byId.get('a')?.messages;
      expect(a?.[0]?.content).toBe(
        'You are a Reddit user. Right now you feel gratitude and admiration. Let that feeling show in what you write.',
      );
      expect(a?.[2]?.content).toMatch(/^[A-Z][a-z]+ is the best, thank you!$/);
      expect(byId.get('e')?.messages[2]?.content).not.toContain('[RELIGION]');
      expect(byId.get('b')?.messages[0]?.content).toContain('no particular emotion');
      expect(data.labelCounts).toMatchObject({ gratitude: 1, admiration: 1, neutral: 3, anger: 1, joy: 0 });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('builds recognition records with the paper prompt and every gold label as the answer', () => {
    const { records } = buildTrainingData({
      rows: rows.slice(0, 1),
      objective: 'recognize',
      format: 'chat',
      seed: 1,
      split: 'dev',
    });
    const rec = ChatRecordSchema.parse(records[0]);
    expect(rec.messages[0]?.content).toBe(
      `Classify the emotion of the sentence to ${GOEMOTIONS_LABELS.slice(0, -1).join(', ')} or neutral: [NAME] is the best, thank you!`,
    );
    expect(rec.messages[1]).toEqual({ role: 'assistant', content: 'gratitude, admiration' });
    const alpaca = buildTrainingData({
      rows: rows.slice(0, 1),
      objective: 'recognize',
      format: 'alpaca',
      seed: 1,
      split: 'dev',
      level: 'ekman',
    });
    expect(AlpacaRecordSchema.parse(alpaca.records[0])).toEqual({
      instruction:
        'Classify the emotion of the sentence to anger, disgust, fear, joy, sadness, surprise or neutral:',
      input: '[NAME] is the best, thank you!',
      output: 'joy',
    });
  });

  it('applies the multi-label policy and the per-label cap', () => {
    expect(
      buildTrainingData({
        rows,
        objective: 'express',
        format: 'chat',
        seed: 1,
        split: 'train',
        multiLabel: 'skip',
      }).records,
    ).toHaveLength(4);
    const first = buildTrainingData({
      rows,
      objective: 'express',
      format: 'chat',
      seed: 1,
      split: 'train',
      multiLabel: 'first',
    });
    expect(first.labelCounts.admiration).toBe(0);
    const capped = buildTrainingData({
      rows,
      objective: 'express',
      format: 'chat',
      seed: 1,
      split: 'train',
      maxPerLabel: 1,
    });
    expect(capped.labelCounts.neutral).toBe(1);
    expect(capped.records).toHaveLength(3);
    expect(capped.skipped).toBe(2);
  });

  it('is a pure function of its seed', () => {
    const build = (seed: number) =>
      JSON.stringify(
        buildTrainingData({ rows, objective: 'express', format: 'alpaca', seed, split: 'train' }).records,
      );
    expect(build(3)).toBe(build(3));
    const outputs = new Set([1, 2, 3, 4, 5, 6].map(build));
    expect(outputs.size).toBeGreaterThan(1);
  });
});

describe('buildTrainingData on GoEmotions train', () => {
  it('keeps every row and reproduces the README label counts without a cap', async () => {
    const train = await readGoEmotions(DATA, 'train');
    const data = buildTrainingData({
      rows: train,
      objective: 'express',
      format: 'chat',
      seed: 1,
      split: 'train',
    });
    expect(data.records).toHaveLength(43410);
    expect(GOEMOTIONS_LABELS.map((l) => data.labelCounts[l]).join(' ')).toBe(README_COUNTS);
    expect(validateTrainingRecords(data.records, 'chat')).toEqual([]);
  });

  it('tames neutral with --max-per-label and keeps rare labels whole', async () => {
    const train = await readGoEmotions(DATA, 'train');
    const data = buildTrainingData({
      rows: train,
      objective: 'recognize',
      format: 'chat',
      seed: 1,
      split: 'train',
      maxPerLabel: 2000,
    });
    const dir = await mkdtemp(join(tmpdir(), 'ft-'));
    try {
      const file = join(dir, 'recognize.jsonl');
      await writeJsonl(file, data.records);
      const loaded = await readLines(file);
      expect(loaded).toHaveLength(data.records.length);
      const recount: Record<string, number> = {};
      for (const r of loaded) {
        const answer = ChatRecordSchema.parse(r).messages.at(-1)?.content ?? '';
        for (const l of answer.split(', ')) recount[l] = (recount[l] ?? 0) + 1;
      }
      for (const l of GOEMOTIONS_LABELS) expect(recount[l] ?? 0).toBe(data.labelCounts[l]);
      expect(data.labelCounts.neutral).toBe(2000);
      expect(Math.max(...Object.values(data.labelCounts))).toBe(2000);
      expect(data.labelCounts.grief).toBe(77);
      const balanced = buildTrainingData({
        rows: train,
        objective: 'recognize',
        format: 'chat',
        seed: 1,
        split: 'train',
        balance: true,
      });
      expect(Math.max(...Object.values(balanced.labelCounts))).toBeLessThanOrEqual(1270);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
