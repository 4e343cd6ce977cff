import type { TableCell } from './DataTable.js';

/** Why a cell is not an estimate: empty, a missing-value marker (NA, NaN, ...), or other text. */
export type NonNumberReason = 'empty' | 'missing' | 'text';

const MISSING = new Set(['na', 'n/a', '#n/a', 'nan', 'null', 'none', '.', '-', '?']);
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads one cell as a number, or says why it is not one.
 *
 * Intuition: human data sets mark missing answers as empty cells or `NA`, and some judges type
 * words ("about 300", "dunno"). Those rows must be counted and reported, so this returns the
 * reason instead of `NaN`. Behaviour: decimal numbers with an optional sign and exponent, and
 * numbers with thousands separators ("1,194"), are numbers; hexadecimal, "Infinity", numbers
 * followed by words and numbers too large for a double ("1e400", which would read as Infinity)
 * are `text`; `NA`, `N/A`, `NaN`, `null`, `None`, `.`, `-`, `?` are `missing`. A number cell that
 * is `NaN` is `missing`, one that is infinite is `text`.
 *
 * @param cell the cell (a number cell must be finite)
 * @returns a finite number, or the reason it is none
 */
export function parseEstimateCell(cell: TableCell): number | NonNumberReason {
  if (cell === null) return 'empty';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : Number.isNaN(cell) ? 'missing' : 'text';
  if (typeof cell === 'boolean') return 'text';
  const text = cell.trim();
  if (text === '') return 'empty';
  if (MISSING.has(text.toLowerCase())) return 'missing';
  const value = PLAIN.test(text)
    ? Number(text)
    : THOUSANDS.test(text)
      ? Number(text.replaceAll(',', ''))
      : Number.NaN;
  return Number.isFinite(value) ? value : 'text';
}
