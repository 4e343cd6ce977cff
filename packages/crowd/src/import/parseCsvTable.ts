import type { DataTable } from './DataTable.js';
import { parseCsv } from './parseCsv.js';

/**
 * Parses CSV text with a header line into a `DataTable`.
 *
 * Intuition: every data set of human estimates is "one row per judge, one column per
 * variable"; what varies is quoting, row-name columns and the odd broken line. Behaviour:
 * 1. The first record is the header; an empty header name (R's row-name column) becomes
 *    `column<N>` (1-based); a repeated name is an error, since `--column` could not tell them apart.
 * 2. Blank lines are skipped; a record with more or fewer fields than the header is an error
 *    naming its line (a shifted column would silently mix variables).
 * 3. Fields stay text; `extractCrowds` decides what is a number.
 *
 * @param text the CSV text (parsed by `parseCsv`)
 * @param source the file path, for messages
 * @returns the table, with the source line of each row
 */
export function parseCsvTable(text: string, source: string): DataTable {
  const { rows, lines } = parseCsv(text, source);
  const header = rows[0];
  if (!header || (header.length === 1 && header[0]?.trim() === '')) {
    throw new Error(`${source}: empty file; a CSV with a header line is expected`);
  }
  const columns = header.map((name, i) => (name.trim() === '' ? `column${i + 1}` : name.trim()));
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name))
      throw new Error(`${source}:1: column "${name}" appears twice in the header; rename one`);
    seen.add(name);
  }
  const body: string[][] = [];
  const bodyLines: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    const line = lines[r] as number;
    if (row.length === 1 && row[0] === '' && columns.length > 1) continue;
    if (row.length !== columns.length) {
      throw new Error(
        `${source}:${line}: ${row.length} fields where the header has ${columns.length}; fix the line (quote fields that contain commas)`,
      );
    }
    body.push(row);
    bodyLines.push(line);
  }
  return { source, columns, rows: body, lines: bodyLines };
}
