import {
  type DataTable,
  parseCsvTable,
  parseEstimateCell,
  type ResponseRecord,
  type TableCell,
} from '@emocrowd/crowd/analysis';
import type { ParsedResponses } from './parseResponsesFile.js';

/** Estimate columns of the human crowd data sets, in the order they are looked for. */
const ESTIMATE_COLUMNS = [
  'estimate',
  'value',
  'guess',
  'guess_lb',
  'response',
  'response_1',
  'e1',
  'pre_influence',
];
/** Truth columns of the human crowd data sets. */
const TRUTH_COLUMNS = ['truth', 'correct', 'true_value', 'calgold'];

/**
 * Reads a CSV of estimates dropped on the viewer into answer records, with the same reader as
 * `emocrowd analyze`: crowd's strict RFC 4180 parser (`parseCsvTable`: a broken quote or a row of
 * the wrong width is an error naming the line) and its estimate-cell reader (`parseEstimateCell`:
 * `1,194` is 1194; `0x10`, `1e400` and words are not numbers; `NA` is missing). So a file gives the
 * viewer the very crowd it gives the command line.
 *
 * Columns: the estimates are in `estimate`, `value`, `guess`, `response`, ... (case-insensitive),
 * else in the first column whose cells are numbers; a `truth` column gives the truth; `emotion`,
 * `confidence` (a weight on the file's own scale, never rescaled) and `round` are used when
 * present; other non-numeric columns with 2 to 30 distinct values become attributes to break
 * down by. A row without a number is an `unparsed` record that keeps its text.
 *
 * @param name the file name, for messages.
 * @param text the file's text.
 * @returns the records, the truth when the file has one, and the estimate column.
 * @throws Error with one line naming the file, the line and the fix.
 */
export function recordsFromCsv(name: string, text: string): ParsedResponses {
  const table = parseCsvTable(text, name);
  if (table.rows.length === 0) throw new Error(`${name}: the CSV needs a header row and at least one answer`);
  const lower = table.columns.map((c) => c.toLowerCase());
  const find = (names: readonly string[]): number =>
    names.map((n) => lower.indexOf(n)).find((i) => i >= 0) ?? -1;
  const truthCol = find(TRUTH_COLUMNS);
  let estimateCol = find(ESTIMATE_COLUMNS);
  if (estimateCol < 0) estimateCol = table.columns.findIndex((_, i) => i !== truthCol && isNumeric(table, i));
  if (estimateCol < 0)
    throw new Error(`${name}: no column of numbers found (columns: ${table.columns.join(', ')})`);
  const emotionCol = lower.indexOf('emotion');
  const confidenceCol = lower.indexOf('confidence');
  const roundCol = lower.indexOf('round');
  const used = [estimateCol, truthCol, emotionCol, confidenceCol, roundCol];
  const attributeCols = table.columns
    .map((_, i) => i)
    .filter((i) => !used.includes(i) && !isNumeric(table, i))
    .filter((i) => {
      const distinct = new Set(table.rows.map((r) => cellText(r[i])));
      return distinct.size >= 2 && distinct.size <= 30;
    });
  const truths = truthCol < 0 ? [] : table.rows.map((r) => parseEstimateCell(r[truthCol] ?? null));
  const truth = truths.find((t): t is number => typeof t === 'number');
  const records = table.rows.map((row, i): ResponseRecord => {
    const line = table.lines?.[i] ?? i + 2;
    const estimate = parseEstimateCell(row[estimateCol] ?? null);
    const confidence = confidenceCol < 0 ? undefined : parseEstimateCell(row[confidenceCol] ?? null);
    if (typeof confidence === 'number' && confidence < 0)
      throw new Error(`${name}:${line}: confidence ${confidence} is negative; confidences are weights >= 0`);
    const round = roundCol < 0 ? undefined : parseEstimateCell(row[roundCol] ?? null);
    const emotion = emotionCol < 0 ? '' : cellText(row[emotionCol]);
    const attributes: Record<string, string> = {};
    for (const col of attributeCols)
      attributes[table.columns[col] as string] = cellText(row[col]) || 'unknown';
    return {
      personaId: `row${i + 1}`,
      personaIndex: i,
      ...(emotion !== '' ? { emotion } : {}),
      attributes,
      replicate: 0,
      round: typeof round === 'number' && Number.isInteger(round) ? round : 0,
      status: typeof estimate === 'number' ? 'ok' : 'unparsed',
      ...(typeof estimate === 'number' ? { estimate } : { reason: `line ${line}: ${estimate}` }),
      ...(typeof confidence === 'number' ? { confidence } : {}),
      raw: cellText(row[estimateCol]),
      latencyMs: 0,
      tokens: { prompt: 0, completion: 0 },
      cached: false,
      model: 'file',
    };
  });
  return {
    records,
    ...(truth !== undefined ? { truth } : {}),
    estimateColumn: table.columns[estimateCol] as string,
  };
}

/** Whether a column holds numbers: of its first 50 filled cells, each is a number or a missing-value marker, one at least a number. */
function isNumeric(table: DataTable, col: number): boolean {
  const cells = table.rows
    .map((r) => parseEstimateCell(r[col] ?? null))
    .filter((c) => c !== 'empty')
    .slice(0, 50);
  return (
    cells.some((c) => typeof c === 'number') && cells.every((c) => typeof c === 'number' || c === 'missing')
  );
}

function cellText(cell: TableCell | undefined): string {
  return cell === undefined || cell === null ? '' : String(cell).trim();
}
