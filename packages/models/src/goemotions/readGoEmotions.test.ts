import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goEmotionsDir } from '@emocrowd/data';
import { describe, expect, it } from 'vitest';
import { GOEMOTIONS_LABELS } from './goEmotionsLabels.js';
import { parseGoEmotionsTsv, readGoEmotions } from './readGoEmotions.js';

const DATA = goEmotionsDir();

describe('parseGoEmotionsTsv', () => {
  it('unquotes CSV-quoted text, keeps multi-label rows and verbatim lines', () => {
    const rows = parseGoEmotionsTsv(
      ['"Three words. ""Dude. Stop."" "\t3\teetq9g0', 'I said "hi" [NAME]\t2,3\tabc', ''].join('\n'),
    );
    expect(rows).toEqual([
      { text: 'Three words. "Dude. Stop." ', labels: [3], id: 'eetq9g0' },
      { text: 'I said "hi" [NAME]', labels: [2, 3], id: 'abc' },
    ]);
  });

  it('rejects unknown label ids and missing columns with the line number', () => {
    expect(() => parseGoEmotionsTsv('ok\t1\ta\nbad\t28\tb', 'x.tsv')).toThrow('x.tsv:2');
    expect(() => parseGoEmotionsTsv('no labels', 'x.tsv')).toThrow('x.tsv:1');
  });

  it('reads a split from a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'goemo-'));
    try {
      await writeFile(join(dir, 'dev.tsv'), 'Thanks!\t15\tid1\r\nWow\t26,17\tid2\r\n');
      const rows = await readGoEmotions(dir, 'dev');
      expect(rows.map((r) => [r.text, r.labels, r.id])).toEqual([
        ['Thanks!', [15], 'id1'],
        ['Wow', [26, 17], 'id2'],
      ]);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('readGoEmotions on the real dataset', () => {
  it('reproduces the split sizes 43,410 / 5,426 / 5,427', async () => {
    const sizes = await Promise.all(
      (['train', 'dev', 'test'] as const).map(async (s) => (await readGoEmotions(DATA, s)).length),
    );
    expect(sizes).toEqual([43410, 5426, 5427]);
  });

  it('reproduces the README train label-count checksums', async () => {
    const rows = await readGoEmotions(DATA, 'train');
    const counts = new Array<number>(GOEMOTIONS_LABELS.length).fill(0);
    for (const row of rows) for (const l of row.labels) counts[l] = (counts[l] ?? 0) + 1;
    expect(counts.join(' ')).toBe(
      '4130 2328 1567 2470 2939 1087 1368 2191 641 1269 2022 793 303 853 596 2662 77 1452 2086 164 1581 111 1110 153 545 1326 1060 14219',
    );
  });

  it('leaves no CSV quoting behind on the quoted lines', async () => {
    const rows = await readGoEmotions(DATA, 'train');
    const quoted = rows.find((r) => r.id === 'eetq9g0');
    expect(quoted?.text).toBe('Three words, no subtlety. "Dude. Stop. Seriously." ');
    // the file's `"...like ""Wtf?!?!?"""""` is `...like "Wtf?!?!?""` for pandas too
    expect(rows.find((r) => r.id === 'eedla4h')?.text).toBe(
      `Little kids are the best because they're just like "Wtf?!?!?""`,
    );
  });
});
