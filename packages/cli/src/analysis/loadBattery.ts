import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  descriptorItems,
  type ExtractBatteryOptions,
  type ExtractedBattery,
  extractBattery,
  isBatteryDescriptor,
  itemTruths,
  parseCsvTable,
} from '@emocrowd/crowd';
import { CliError, usageError } from '../command/CliError.js';
import type { EstimateInput } from './loadEstimateInput.js';
import { parseFilters, type RowFilter, runSelection } from './runSelection.js';

/** The flags that say where a battery is in an input. */
export interface BatterySelectionFlags {
  column?: string | undefined;
  itemColumn?: string | undefined;
  itemColumns?: string | undefined;
  respondentColumn?: string | undefined;
  truthColumn?: string | undefined;
  truthFile?: string | undefined;
  truthFileColumn?: string | undefined;
  truthFileKey?: string | undefined;
  confidenceColumn?: string | undefined;
  cueColumn?: string | undefined;
  groupBy?: string[] | undefined;
  filters: string[];
}

/** A battery read from an input, with what was assumed on the way. */
export interface LoadedBattery {
  battery: ExtractedBattery;
  /** How the items were found: `run` (a battery run), `long` or `wide`. */
  format: 'run' | 'long' | 'wide';
  /** The column of estimates (long format and runs). */
  column?: string;
  itemColumn?: string;
  itemColumns?: string[];
  respondentColumn?: string;
  /** Where the truths come from. */
  truthFrom: string;
  /** Where the cue strategies' cue comes from. */
  cue: 'other-items' | 'given';
  filters: RowFilter[];
  notes: string[];
}

/**
 * Whether an input is read as a battery: a run of a battery, or a file with `--item-column` or
 * `--item-columns`.
 *
 * @param input the loaded input
 * @param flags the selection flags
 * @returns true for a battery
 */
export function isBatteryInput(input: EstimateInput, flags: BatterySelectionFlags): boolean {
  if (flags.itemColumn !== undefined || flags.itemColumns !== undefined) return true;
  return (
    input.kind === 'run' &&
    input.manifest !== undefined &&
    isBatteryDescriptor(input.manifest.descriptor.task)
  );
}

/**
 * Reads the battery of an input (`extractBattery`), with the defaults of a run: a battery run's
 * items, truths from run.json, respondent = persona (replicates pooled), estimates and
 * confidences from the answers, the last round only and a breakdown by every persona column
 * that varies. A file needs its format: `--item-column` with `--column` and `--respondent-column`
 * (long), or `--item-columns` (wide); truths from `--truth-file` (and `--truth-file-column`,
 * optionally `--truth-file-key`) or, long, `--truth-column`. Errors name the flag and the fix.
 *
 * @param input the loaded input
 * @param flags the selection flags
 * @param cwd where a truth file's relative path starts
 * @returns the battery and what was assumed
 */
export function loadBattery(input: EstimateInput, flags: BatterySelectionFlags, cwd: string): LoadedBattery {
  const filters = parseFilters(flags.filters);
  const notes: string[] = [];
  const cue = flags.cueColumn !== undefined ? 'given' : 'other-items';
  const manifest = input.manifest;
  try {
    if (input.kind === 'run' && manifest && isBatteryDescriptor(manifest.descriptor.task)) {
      if (
        flags.itemColumn !== undefined ||
        flags.itemColumns !== undefined ||
        flags.truthFile !== undefined
      ) {
        throw usageError(
          `--input ${input.table.source} is a battery run: its items and truths are in run.json; leave out --item-column, --item-columns and --truth-file`,
        );
      }
      const selection = runSelection(input.table, filters, flags.groupBy);
      notes.push(...selection.notes);
      const column = flags.column ?? 'estimate';
      const options: ExtractBatteryOptions = {
        itemColumn: 'item',
        column,
        respondentColumn: 'personaIndex',
        truths: new Map(descriptorItems(manifest.descriptor.task).map((i) => [i.id, i.truth])),
        groupBy: selection.groupBy,
        filters,
        confidenceColumn: flags.confidenceColumn ?? 'confidence',
        ...(flags.cueColumn ? { cueColumn: flags.cueColumn } : {}),
      };
      return {
        battery: extractBattery(input.table, options),
        format: 'run',
        column,
        itemColumn: 'item',
        respondentColumn: 'personaIndex',
        truthFrom: `run.json (${manifest.descriptor.task.id}, one truth per item)`,
        cue,
        filters,
        notes,
      };
    }
    const itemColumns = flags.itemColumns === undefined ? undefined : expandItemColumns(flags.itemColumns);
    const items =
      itemColumns ?? (flags.itemColumn === undefined ? [] : distinctValues(input, flags.itemColumn));
    const truths = flags.truthFile === undefined ? undefined : readTruths(flags, items, cwd);
    if (truths === undefined && (itemColumns !== undefined || flags.truthColumn === undefined)) {
      throw usageError(
        itemColumns !== undefined
          ? "--item-columns needs the items' truths: --truth-file FILE --truth-file-column NAME"
          : "--item-column needs the items' truths: --truth-column NAME, or --truth-file FILE --truth-file-column NAME",
      );
    }
    const respondentColumns = flags.respondentColumn
      ?.split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const options: ExtractBatteryOptions = {
      ...(itemColumns ? { itemColumns } : { itemColumn: flags.itemColumn as string }),
      ...(flags.column !== undefined ? { column: flags.column } : {}),
      ...(respondentColumns ? { respondentColumn: respondentColumns } : {}),
      ...(truths ? { truths } : {}),
      ...(flags.truthColumn !== undefined ? { truthColumn: flags.truthColumn } : {}),
      ...(flags.groupBy ? { groupBy: flags.groupBy } : {}),
      filters,
      ...(flags.confidenceColumn ? { confidenceColumn: flags.confidenceColumn } : {}),
      ...(flags.cueColumn ? { cueColumn: flags.cueColumn } : {}),
    };
    const battery = extractBattery(input.table, options);
    return {
      battery,
      format: battery.format,
      ...(flags.column !== undefined ? { column: flags.column } : {}),
      ...(flags.itemColumn !== undefined ? { itemColumn: flags.itemColumn } : {}),
      ...(itemColumns ? { itemColumns } : {}),
      ...(flags.respondentColumn !== undefined ? { respondentColumn: flags.respondentColumn } : {}),
      truthFrom:
        flags.truthFile !== undefined
          ? `--truth-file ${flags.truthFile} (column ${flags.truthFileColumn}${flags.truthFileKey ? `, key ${flags.truthFileKey}` : ', one row per item in order'})`
          : `--truth-column ${flags.truthColumn}`,
      cue,
      filters,
      notes,
    };
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw usageError((error as Error).message.split('\n')[0] ?? 'cannot read the battery');
  }
}

/**
 * Expands `--item-columns`: a comma-separated list whose entries may be numbered ranges,
 * `q1..q20` (or `q1..20`) for q1, q2, ..., q20.
 *
 * @param text the flag value
 * @returns the column names, in order
 */
export function expandItemColumns(text: string): string[] {
  const out: string[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const range = /^(.*?)(\d+)\.\.(?:\1)?(\d+)$/.exec(part);
    if (!range) {
      out.push(part);
      continue;
    }
    const [, prefix, from, to] = range as unknown as [string, string, string, string];
    const a = Number(from);
    const b = Number(to);
    if (b < a || b - a > 10000) throw usageError(`--item-columns: "${part}" is not an ascending range`);
    for (let i = a; i <= b; i++) out.push(`${prefix}${i}`);
  }
  if (out.length === 0) throw usageError('--item-columns: give the item columns, e.g. q1..q20');
  return out;
}

function distinctValues(input: EstimateInput, column: string): string[] {
  const at = input.table.columns.indexOf(column);
  if (at < 0) {
    throw usageError(
      `${input.table.source}: no column "${column}" (--item-column); columns: ${input.table.columns.join(', ')}`,
    );
  }
  return [...new Set(input.table.rows.map((row) => String(row[at] ?? '')))];
}

function readTruths(
  flags: BatterySelectionFlags,
  items: readonly string[],
  cwd: string,
): Map<string, number> {
  if (flags.truthFileColumn === undefined) {
    throw usageError('--truth-file needs --truth-file-column NAME (the column of truths)');
  }
  const path = resolve(cwd, flags.truthFile as string);
  if (!existsSync(path)) throw usageError(`--truth-file: no such file ${flags.truthFile}`);
  const table = parseCsvTable(readFileSync(path, 'utf8'), flags.truthFile as string);
  return itemTruths(table, {
    column: flags.truthFileColumn,
    ...(flags.truthFileKey ? { key: flags.truthFileKey } : {}),
    items,
  });
}
