import {
  type DataTable,
  descriptorItems,
  type ExtractCrowdsOptions,
  type ExtractedCrowds,
  extractCrowds,
  isBatteryDescriptor,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import type { EstimateInput } from './loadEstimateInput.js';
import { parseFilters, runSelection } from './runSelection.js';

/** The flags that say which estimates of an input form the crowd. */
export interface CrowdSelectionFlags {
  column?: string | undefined;
  truth?: number | undefined;
  truthColumn?: string | undefined;
  confidenceColumn?: string | undefined;
  cueColumn?: string | undefined;
  groupBy?: string[] | undefined;
  splitBy?: string[] | undefined;
  /** `COL=VALUE` texts. */
  filters: string[];
}

/** The crowds of an input and what was assumed on the way. */
export interface EstimateCrowds extends ExtractedCrowds {
  column: string;
  /** `--truth`, `--truth-column NAME`, or `run.json` of a run. */
  truthFrom: string;
  filters: { column: string; value: string }[];
  /** Defaults applied without a flag, said in the output (e.g. "last round only"). */
  notes: string[];
}

/**
 * Turns `--column`, `--truth`, `--truth-column`, `--group-by` and `--filter` into crowds of an
 * input (`extractCrowds`), with the defaults of a run: the `estimate` column, the task's truth
 * from run.json, confidence from the answers, the last round only, and — without `--group-by` —
 * a breakdown by emotion, Plutchik primary and every social attribute that varies. A battery run
 * is split by item, each with its truth from run.json.
 * A CSV needs `--column`; errors name the flag and the columns there are (exit 2).
 *
 * @param input the loaded input
 * @param flags the selection flags
 * @returns the crowds, with the column, truth source, filters and notes
 */
export function estimateCrowds(input: EstimateInput, flags: CrowdSelectionFlags): EstimateCrowds {
  const battery =
    input.kind === 'run' && input.manifest && isBatteryDescriptor(input.manifest.descriptor.task);
  if (battery && (flags.truth !== undefined || flags.truthColumn !== undefined)) {
    throw usageError(
      `--input ${input.table.source} is a battery: each item has its truth in run.json; leave out --truth and --truth-column`,
    );
  }
  const table =
    battery && input.manifest ? withItemTruths(input.table, input.manifest.descriptor.task) : input.table;
  const filters = parseFilters(flags.filters);
  const isRun = input.kind === 'run';
  const column = flags.column ?? (isRun ? 'estimate' : undefined);
  if (column === undefined) {
    throw usageError(
      `--column is required for a CSV; columns of ${table.source}: ${table.columns.join(', ')}`,
    );
  }
  let truth = flags.truth;
  let truthFrom = truth === undefined ? '' : '--truth';
  const truthColumn = battery ? ITEM_TRUTH : flags.truthColumn;
  if (flags.truthColumn !== undefined) truthFrom = `--truth-column ${flags.truthColumn}`;
  if (battery) truthFrom = `run.json (${input.manifest?.descriptor.task.id}, one truth per item)`;
  if (truth === undefined && truthColumn === undefined) {
    if (isRun && input.manifest) {
      truth = input.manifest.descriptor.task.truth;
      truthFrom = `run.json (${input.manifest.descriptor.task.id})`;
    } else if (isRun) {
      throw usageError(
        `--input ${table.source}: no run.json beside it to take the truth from; give --truth X`,
      );
    }
  }
  if (truth !== undefined && flags.truthColumn !== undefined) {
    throw usageError('give either --truth or --truth-column, not both');
  }
  let groupBy = flags.groupBy;
  const notes: string[] = [];
  if (isRun) {
    const selection = runSelection(table, filters, groupBy);
    notes.push(...selection.notes);
    groupBy = selection.groupBy;
    // A battery's crowds are its items: split by item first.
    if (battery && !groupBy.includes('item')) groupBy = ['item', ...groupBy];
  }
  const options: ExtractCrowdsOptions = {
    column,
    ...(truth === undefined ? {} : { truth }),
    ...(truthColumn === undefined ? {} : { truthColumn }),
    ...(groupBy && groupBy.length > 0 ? { groupBy } : {}),
    ...(flags.splitBy && flags.splitBy.length > 0 ? { splitBy: flags.splitBy } : {}),
    filters,
    ...(flags.confidenceColumn !== undefined
      ? { confidenceColumn: flags.confidenceColumn }
      : isRun && column === 'estimate'
        ? { confidenceColumn: 'confidence' }
        : {}),
    ...(flags.cueColumn !== undefined ? { cueColumn: flags.cueColumn } : {}),
  };
  let extracted: ExtractedCrowds;
  try {
    extracted = extractCrowds(table, options);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  return { ...extracted, column, truthFrom, filters, notes };
}

/** The column a battery run's table gets with each row's item truth. */
export const ITEM_TRUTH = 'item.truth';

/** A battery run's answers with each row's item truth from run.json in column `item.truth`. */
export function withItemTruths(table: DataTable, task: Parameters<typeof descriptorItems>[0]): DataTable {
  const truths = new Map(descriptorItems(task).map((item) => [item.id, item.truth]));
  const at = table.columns.indexOf('item');
  return {
    ...table,
    columns: [...table.columns, ITEM_TRUTH],
    rows: table.rows.map((row) => [...row, truths.get(String(row[at])) ?? null]),
  };
}
