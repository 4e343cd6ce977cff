import type { DataTable } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';

/** A `--filter COL=VALUE`, parsed. */
export interface RowFilter {
  column: string;
  value: string;
}

/**
 * Parses `--filter COL=VALUE` texts (a usage error names a malformed one).
 *
 * @param texts the flag values
 * @returns the filters
 */
export function parseFilters(texts: readonly string[]): RowFilter[] {
  return texts.map((text) => {
    const at = text.indexOf('=');
    if (at <= 0) throw usageError(`--filter takes COL=VALUE, e.g. --filter task=1a (got "${text}")`);
    return { column: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
  });
}

/** Columns of a flattened run that are identities or details, never breakdown dimensions. */
const NOT_DIMENSIONS = new Set([
  'runId',
  'item',
  'round',
  'replicate',
  'personaIndex',
  'personaId',
  'emotionModel',
  'intensity',
]);

/**
 * The defaults of a run's answers (a table from `flattenRecords`): the last round only, unless
 * the filters or `groupBy` name a round (the filter is added and said in `notes`); without
 * `groupBy`, a breakdown by every persona column that varies (emotion, Plutchik primary, each
 * social attribute).
 *
 * @param table the run's answers
 * @param filters the filters given (a round filter is appended)
 * @param groupBy the `--group-by` given, if any
 * @returns the breakdown dimensions and the notes to print
 */
export function runSelection(
  table: DataTable,
  filters: RowFilter[],
  groupBy: string[] | undefined,
): { groupBy: string[]; notes: string[] } {
  const notes: string[] = [];
  const roundAt = table.columns.indexOf('round');
  const rounds = new Set(table.rows.map((row) => row[roundAt]));
  if (rounds.size > 1 && !filters.some((f) => f.column === 'round') && !groupBy?.includes('round')) {
    const last = Math.max(...[...rounds].map(Number));
    filters.push({ column: 'round', value: String(last) });
    notes.push(`last round only (round ${last}); see others with --filter round=N`);
  }
  if (groupBy !== undefined) return { groupBy, notes };
  const status = table.columns.indexOf('status');
  const dimensions = table.columns.slice(0, status).filter((name, at) => {
    if (NOT_DIMENSIONS.has(name)) return false;
    return new Set(table.rows.map((row) => row[at])).size > 1;
  });
  return { groupBy: dimensions, notes };
}
