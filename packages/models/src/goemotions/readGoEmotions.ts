import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GOEMOTIONS_LABELS } from './goEmotionsLabels.js';

/** One GoEmotions example. */
export interface GoEmotionsRow {
  /** The Reddit comment, with names and religions masked as `[NAME]` and `[RELIGION]`. */
  text: string;
  /** Label ids (0..27, into `GOEMOTIONS_LABELS`), one or more, in file order. */
  labels: number[];
  /** The Reddit comment id. */
  id: string;
}

/** The three "original" GoEmotions splits. */
export type GoEmotionsSplit = 'train' | 'dev' | 'test';

/**
 * Parses the text of a GoEmotions TSV file (no header; text, comma-separated label ids,
 * comment id).
 *
 * The trap: some lines (1,097 in train, 137 in dev, 149 in test) were written by a CSV writer
 * and hold their text field in double quotes with inner quotes doubled. Like pandas'
 * `read_csv(sep='\t')`, a field that starts with `"` is unquoted: the outer quotes go and every
 * `""` becomes `"`. Unquoted fields are taken verbatim (a lone `"` inside one stays).
 *
 * @param content - the file's content (UTF-8 text, LF or CRLF line ends)
 * @param source - a name for error messages, e.g. the file path
 * @returns one row per non-empty line
 * @throws Error naming the line when a line lacks a column or holds an unknown label id
 */
export function parseGoEmotionsTsv(content: string, source = 'GoEmotions TSV'): GoEmotionsRow[] {
  const rows: GoEmotionsRow[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.length === 0) continue;
    const cells = line.split('\t');
    if (cells.length !== 3)
      throw new Error(`${source}:${i + 1}: expected 3 tab-separated columns, got ${cells.length}`);
    const [rawText, rawLabels, id] = cells as [string, string, string];
    const labels = rawLabels.split(',').map((s) => Number(s));
    for (const label of labels) {
      if (!Number.isInteger(label) || label < 0 || label >= GOEMOTIONS_LABELS.length) {
        throw new Error(`${source}:${i + 1}: bad label id list "${rawLabels}"`);
      }
    }
    rows.push({ text: unquoteCsvField(rawText), labels, id });
  }
  return rows;
}

/**
 * Undoes CSV quoting of one field: `"a ""b"" c"` -> `a "b" c`; other fields are returned as is.
 *
 * @param field - the raw field
 * @returns the field's value
 */
export function unquoteCsvField(field: string): string {
  if (field.length >= 2 && field.startsWith('"') && field.endsWith('"')) {
    return field.slice(1, -1).replaceAll('""', '"');
  }
  return field;
}

/**
 * Reads one split of GoEmotions from a folder holding `train.tsv`, `dev.tsv` and `test.tsv`
 * (the layout of google-research/goemotions/data), faithfully: CSV-quoted lines are unquoted
 * (see `parseGoEmotionsTsv`) and multi-label rows keep all their labels.
 *
 * @example
 * const train = await readGoEmotions('/data/goemotions', 'train'); // 43,410 rows
 *
 * @param dir - the dataset folder
 * @param split - 'train', 'dev' or 'test'
 * @returns the split's rows in file order
 */
export async function readGoEmotions(dir: string, split: GoEmotionsSplit): Promise<GoEmotionsRow[]> {
  const path = join(dir, `${split}.tsv`);
  const content = await readFile(path, 'utf8');
  return parseGoEmotionsTsv(content, path);
}
