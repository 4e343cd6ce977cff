import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv, type ResponseRecord, RUN_FILES } from '@emocrowd/crowd';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCli(argv, { cwd, env: { NO_COLOR: '1' } });
  return { code, out: stdout, err: stderr };
}

// Answers whose raw text holds everything that breaks a naive CSV writer.
const AWKWARD = ['a, b, c', 'she said "about 1,200"', 'two\nlines', 'cr\r\nlf', '"', ' padded '];

describe('emocrowd export', () => {
  let root = '';
  let records: ResponseRecord[] = [];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emocrowd-export-'));
    const r = await cli(root, 'run', '--personas', '12', '--quiet', '--subsets', '0', '--out', 'run');
    expect(r.code, r.err).toBe(0);
    // Give some answers awkward raw texts, as a language model might write them.
    const path = join(root, 'run', RUN_FILES.responses);
    records = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ResponseRecord)
      .map((record, i) => (i < AWKWARD.length ? { ...record, raw: AWKWARD[i] } : record));
    writeFileSync(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes CSV that a strict parser reads back cell for cell, one row per answer, attributes as columns', async () => {
    const r = await cli(root, 'export', 'run', '--format', 'csv');
    expect(r.code, r.err).toBe(0);
    const [header, ...rows] = parseCsv(r.out).rows;
    expect(header?.slice(0, 5)).toEqual(['runId', 'round', 'replicate', 'personaIndex', 'personaId']);
    expect(header).toEqual(
      expect.arrayContaining(['emotion', 'plutchik', 'age', 'gender', 'region', 'status', 'estimate', 'raw']),
    );
    expect(rows).toHaveLength(12);
    const col = (name: string) => (header as string[]).indexOf(name);
    for (const record of records) {
      const row = rows.find((cells) => cells[col('personaIndex')] === String(record.personaIndex));
      expect(row, `persona ${record.personaIndex}`).toBeDefined();
      expect(row?.[col('raw')]).toBe(record.raw ?? '');
      expect(row?.[col('estimate')]).toBe(record.estimate === undefined ? '' : String(record.estimate));
      expect(row?.[col('emotion')]).toBe(record.emotion);
      for (const [key, value] of Object.entries(record.attributes)) expect(row?.[col(key)]).toBe(value);
      expect(row?.every((cell, i) => i === col('raw') || !cell.includes('\n'))).toBe(true);
    }
    // Rows in persona order, whatever order the answers arrived in.
    const indices = rows.map((cells) => Number(cells[col('personaIndex')]));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  it('writes JSON lines with the same columns, typed', async () => {
    const csv = await cli(root, 'export', 'run');
    const r = await cli(root, 'export', 'run', '--format', 'jsonl');
    expect(r.code, r.err).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(12);
    expect(Object.keys(lines[0] ?? {})).toEqual(parseCsv(csv.out).rows[0]);
    expect(typeof lines[0]?.round).toBe('number');
    expect(lines.map((l) => l.raw)).toEqual(expect.arrayContaining(AWKWARD));
  });

  it('writes --out, refuses to overwrite it without --force, and names a missing run', async () => {
    const first = await cli(root, 'export', 'run', '--out', 'answers.csv');
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/wrote 12 answers/);
    writeFileSync(join(root, 'answers.csv'), 'mine\n');
    const again = await cli(root, 'export', 'run', '--out', 'answers.csv');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/answers\.csv exists; .*--force/);
    expect(readFileSync(join(root, 'answers.csv'), 'utf8')).toBe('mine\n');
    const forced = await cli(root, 'export', 'run', '--out', 'answers.csv', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, 'answers.csv'), 'utf8')).toBe((await cli(root, 'export', 'run')).out);
    mkdirSync(join(root, 'nothing'));
    const missing = await cli(root, 'export', 'nothing');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nothing is not a run directory \(no run\.json\)/);
    expect(existsSync(join(root, 'nothing', 'run.json'))).toBe(false);
    const bad = await cli(root, 'export', 'run', '--format', 'xlsx');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be one of csv, jsonl/);
  });
});
