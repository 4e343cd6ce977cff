import type { TableCell } from './DataTable.js';

/**
 * Formats rows as RFC 4180 CSV (https://www.rfc-editor.org/rfc/rfc4180), the inverse of `parseCsv`.
 *
 * Intuition: model answers are free text with commas, quotes and line breaks, and a CSV that
 * pandas (`read_csv`) or R (`read.csv`) misreads is worse than none. So a field is quoted
 * whenever it needs to be, quotes are doubled, and missing values are empty fields.
 *
 * Behaviour: numbers are written in full precision (`String(n)`; non-finite numbers as empty
 * fields), booleans as `true`/`false`, null as an empty field; a field is quoted when it holds
 * `,`, `"`, CR or LF, or starts or ends with a space. Records end with LF, the last one too.
 *
 * @param columns the header
 * @param rows the records, aligned with `columns`
 * @returns the CSV text
 */
export function formatCsv(columns: readonly string[], rows: Iterable<readonly TableCell[]>): string {
  const out: string[] = [columns.map(csvField).join(',')];
  for (const row of rows) out.push(row.map(csvField).join(','));
  return `${out.join('\n')}\n`;
}

/**
 * One CSV field: quoted when it must be, with quotes doubled.
 *
 * @param value the cell
 * @returns its CSV text
 */
export function csvField(value: TableCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /[",\r\n]|^ | $/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
