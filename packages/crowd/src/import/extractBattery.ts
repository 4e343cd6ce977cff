import type { BatteryItem } from '../analysis/summarizeBattery.js';
import type { DataTable, TableCell } from './DataTable.js';
import { type ExtractCrowdsOptions, extractCrowds, type SkippedRows } from './extractCrowds.js';

/**
 * Where a battery is in a table. Long format: one row per respondent and item, `itemColumn`
 * naming the item, `column` the estimate. Wide format: one row per respondent, one column per item
 * (`itemColumns`). Truths: one per item in `truths` (from a file or a run), or, in long format, a
 * per-row `truthColumn`.
 */
export interface ExtractBatteryOptions {
  /** Long format: the column naming each row's item ... */
  itemColumn?: string;
  /** ... and the column of estimates. */
  column?: string;
  /** Wide format: the item columns, in battery order (each column's name is its item's id). */
  itemColumns?: readonly string[];
  /**
   * Who answered: a column of respondent ids, or several whose values together identify one
   * (default: the row, `row <line>`; wide format only).
   */
  respondentColumn?: string | readonly string[];
  /** Each item's truth, by item id. */
  truths?: ReadonlyMap<string, number>;
  /** Long format: a column holding each row's truth (constant within an item). */
  truthColumn?: string;
  /** Breakdown dimensions of every item's crowd. */
  groupBy?: readonly string[];
  filters?: ExtractCrowdsOptions['filters'];
  confidenceColumn?: string;
  /** A column of each judge's ability cue (lower = better), used instead of skill on other items. */
  cueColumn?: string;
}

/** One item read from a table, with the rows it had and those skipped. */
export interface ExtractedItem extends BatteryItem {
  rows: number;
  skipped: SkippedRows;
}

/** What `extractBattery` found. */
export interface ExtractedBattery {
  format: 'long' | 'wide';
  /** The items, in battery order (long format: the order items first appear). */
  items: ExtractedItem[];
  /** Distinct respondents with at least one estimate. */
  respondents: number;
  /** Rows in the table. */
  rows: number;
  /** Rows removed by the filters. */
  filteredOut: number;
  breakdownBy: string[];
}

/**
 * Reads a battery of questions out of a table of human (or simulated) answers, in long or wide
 * format, with who answered each so skill and cues can be measured across items.
 *
 * Behaviour:
 * 1. Long format (`itemColumn` + `column`): the rows of each item value form that item's crowd,
 *    items in the order they first appear; `respondentColumn` is required (it links a
 *    respondent's answers across items).
 * 2. Wide format (`itemColumns`): each item column is one item's estimates; a row is one
 *    respondent (`respondentColumn`, or the row itself).
 * 3. Each item's cells are read as by `extractCrowds` (non-numbers skipped and counted, filters,
 *    confidence, cue and breakdown columns); each item's truth comes from `truths` (by item id)
 *    or the long format's `truthColumn`. An item without a truth is an error naming it.
 *
 * @param table the table
 * @param options the format's columns, truths, filters, groups
 * @returns the items
 * @throws Error naming the column, item or flag and the fix
 */
export function extractBattery(table: DataTable, options: ExtractBatteryOptions): ExtractedBattery {
  const long = options.itemColumn !== undefined;
  if (long === (options.itemColumns !== undefined)) {
    throw new Error(
      'a battery is read either in long format (--item-column) or in wide format (--item-columns)',
    );
  }
  const shared: Omit<ExtractCrowdsOptions, 'column'> = {
    ...(options.groupBy && options.groupBy.length > 0 ? { groupBy: options.groupBy } : {}),
    ...(options.confidenceColumn ? { confidenceColumn: options.confidenceColumn } : {}),
    ...(options.cueColumn ? { cueColumn: options.cueColumn } : {}),
    ...(options.respondentColumn ? { respondentColumn: options.respondentColumn } : {}),
    respondents: true,
  };
  const truthOf = (id: string): { truth: number } | { truthColumn: string } => {
    const truth = options.truths?.get(id);
    if (truth !== undefined) return { truth };
    if (long && options.truthColumn !== undefined) return { truthColumn: options.truthColumn };
    throw new Error(
      `${table.source}: no truth for item ${id}; give a truth file (--truth-file) that has it${long ? ', or --truth-column' : ''}`,
    );
  };
  let items: ExtractedItem[];
  let filteredOut = 0;
  if (long) {
    if (options.respondentColumn === undefined || options.column === undefined) {
      throw new Error(
        'a battery in long format needs --column (estimates) and --respondent-column (who answered)',
      );
    }
    const at = table.columns.indexOf(options.itemColumn as string);
    if (at < 0) {
      throw new Error(
        `${table.source}: no column "${options.itemColumn}" (--item-column); columns: ${table.columns.join(', ')}`,
      );
    }
    const filters = (options.filters ?? []).map((f) => {
      const i = table.columns.indexOf(f.column);
      if (i < 0)
        throw new Error(
          `${table.source}: no column "${f.column}" (--filter); columns: ${table.columns.join(', ')}`,
        );
      return { at: i, value: f.value };
    });
    const byItem = new Map<string, number[]>();
    table.rows.forEach((row, r) => {
      if (!filters.every((f) => cellText(row[f.at]) === f.value)) {
        filteredOut++;
        return;
      }
      const id = cellText(row[at]);
      const list = byItem.get(id);
      if (list) list.push(r);
      else byItem.set(id, [r]);
    });
    if (byItem.size === 0) throw new Error(`${table.source}: no row is left after --filter`);
    items = [...byItem].map(([id, rows]) => {
      const sub: DataTable = {
        source: table.source,
        columns: table.columns,
        rows: rows.map((r) => table.rows[r] as readonly TableCell[]),
        lines: rows.map((r) => table.lines?.[r] ?? r + 1),
      };
      return itemOf(
        id,
        extractCrowds(sub, { ...shared, column: options.column as string, ...truthOf(id) }).crowds,
      );
    });
  } else {
    items = (options.itemColumns as readonly string[]).map((column, k) => {
      const extracted = extractCrowds(table, {
        ...shared,
        column,
        ...truthOf(column),
        ...(options.filters ? { filters: options.filters } : {}),
      });
      if (k === 0) filteredOut = extracted.filteredOut;
      return itemOf(column, extracted.crowds);
    });
  }
  const respondents = new Set(items.flatMap((item) => item.respondents));
  return {
    format: long ? 'long' : 'wide',
    items,
    respondents: respondents.size,
    rows: table.rows.length,
    filteredOut,
    breakdownBy: [...(options.groupBy ?? [])],
  };
}

/** One item from the crowd(s) extractCrowds found for its rows (one: its truth is constant). */
function itemOf(id: string, crowds: ReturnType<typeof extractCrowds>['crowds']): ExtractedItem {
  if (crowds.length !== 1) throw new Error(`item ${id}: its rows hold ${crowds.length} different truths`);
  const crowd = crowds[0] as (typeof crowds)[number];
  return {
    id,
    truth: crowd.truth,
    sample: crowd.sample,
    respondents: crowd.respondents ?? [],
    rows: crowd.rows,
    skipped: crowd.skipped,
  };
}

function cellText(cell: TableCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  return typeof cell === 'string' ? cell : String(cell);
}
