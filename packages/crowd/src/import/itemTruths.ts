import type { DataTable } from './DataTable.js';
import { parseEstimateCell } from './parseEstimateCell.js';

/**
 * Each item's truth from a table of truths (e.g. the calorie quiz's questions.csv, column calGold).
 *
 * Behaviour: with `key`, each row's `key` cell names its item (an item column of a wide table, or
 * an item value of a long one); without, the rows are the items in order (row i is item i), so the
 * table must have exactly one row per item. Every truth must be a number.
 *
 * @param table the truths
 * @param options the truth column, the key column (optional) and the items in order
 * @returns truth by item id
 * @throws Error naming the file, the line and the fix
 */
export function itemTruths(
  table: DataTable,
  options: { column: string; key?: string; items: readonly string[] },
): Map<string, number> {
  const at = table.columns.indexOf(options.column);
  if (at < 0) {
    throw new Error(
      `${table.source}: no column "${options.column}" (--truth-file-column); columns: ${table.columns.join(', ')}`,
    );
  }
  const keyAt = options.key === undefined ? -1 : table.columns.indexOf(options.key);
  if (options.key !== undefined && keyAt < 0) {
    throw new Error(
      `${table.source}: no column "${options.key}" (--truth-file-key); columns: ${table.columns.join(', ')}`,
    );
  }
  if (keyAt < 0 && table.rows.length !== options.items.length) {
    throw new Error(
      `${table.source}: ${table.rows.length} rows of truths for ${options.items.length} items; give one row per item in order, or name the item of each row with --truth-file-key`,
    );
  }
  const truths = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const value = parseEstimateCell(row[at] ?? null);
    const line = table.lines?.[r] ?? r + 1;
    if (typeof value !== 'number') {
      throw new Error(
        `${table.source}:${line}: truth "${String(row[at] ?? '')}" in column ${options.column} is not a number`,
      );
    }
    const id = keyAt < 0 ? (options.items[r] as string) : String(row[keyAt] ?? '');
    truths.set(id, value);
  });
  return truths;
}
