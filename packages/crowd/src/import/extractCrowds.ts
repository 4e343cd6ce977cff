import type { CrowdSample } from '../stats/CrowdSample.js';
import type { DataTable, TableCell } from './DataTable.js';
import { type NonNumberReason, parseEstimateCell } from './parseEstimateCell.js';

/** Which column holds the estimates, what the truth is, and which rows and groups count. */
export interface ExtractCrowdsOptions {
  /** The column of estimates. */
  column: string;
  /** One truth for every row ... */
  truth?: number;
  /** ... or a column holding each row's truth (several questions in one file). */
  truthColumn?: string;
  /** Columns to split or break down by (see `extractCrowds`). */
  groupBy?: readonly string[];
  /** Columns whose values always make separate crowds (e.g. task,group_number), before `groupBy`. */
  splitBy?: readonly string[];
  /** Keep only rows whose column equals the value (as text; all filters must hold). */
  filters?: readonly { column: string; value: string }[];
  /** A column of self-reported confidence, passed to confidence-weighted strategies. */
  confidenceColumn?: string;
  /** A column of each judge's ability cue (lower = better), passed to the cue strategies. */
  cueColumn?: string;
  /**
   * Say who gave each estimate (`ExtractedCrowd.respondents`): this column's value (several
   * columns: their values joined by "/", e.g. session and subject) ...
   */
  respondentColumn?: string | readonly string[];
  /** ... or, without a column, `row <line>`; set to true to get respondents. */
  respondents?: boolean;
}

/** A row left out because its estimate or truth is not a number. */
export interface SkippedRow {
  /** The row's line in the source file (or its 1-based row number). */
  line: number;
  column: string;
  value: string;
  reason: NonNumberReason;
}

/** Rows left out of a crowd, by reason, with the first few as examples. */
export interface SkippedRows {
  total: number;
  empty: number;
  missing: number;
  text: number;
  /** Rows whose truth cell is not a number. */
  truth: number;
  examples: SkippedRow[];
}

/** One question's crowd read from a table. */
export interface ExtractedCrowd {
  /** "all", or the split, e.g. "task=1a". */
  label: string;
  /** The split columns and their values (empty when not split). */
  key: Record<string, string>;
  truth: number;
  /** Estimates in row order, with confidence, cue and breakdown groups aligned. */
  sample: CrowdSample;
  /** Who gave each estimate, aligned with `sample.values` (with `respondents` or `respondentColumn`). */
  respondents?: string[];
  /** Rows of this crowd before skipping. */
  rows: number;
  skipped: SkippedRows;
}

/** What `extractCrowds` found. */
export interface ExtractedCrowds {
  crowds: ExtractedCrowd[];
  /** Rows in the table. */
  rows: number;
  /** Rows removed by the filters. */
  filteredOut: number;
  /** Columns the crowds were split by (a per-row truth that varies). */
  splitBy: string[];
  /** Columns each crowd is broken down by (`sample.groups`). */
  breakdownBy: string[];
}

const MAX_EXAMPLES = 5;

/**
 * Reads crowds of numeric estimates out of a table: one crowd per question.
 *
 * Intuition: a file of human estimates often holds several questions (Becker et al. 2017:
 * column `task`, a `truth` per row), and the wisdom of a crowd is only defined per question.
 * Aggregating across questions with different truths is meaningless, so it is refused unless
 * the rows are filtered to one question or split by the column naming it.
 *
 * Behaviour:
 * 1. `filters` keep rows whose cell text equals the value.
 * 2. Each estimate cell is read by `parseEstimateCell`; rows without a number (empty, `NA`,
 *    text) are skipped, counted by reason, and the first few given as examples — never
 *    dropped silently. With `truthColumn`, rows whose truth is not a number are skipped too.
 * 3. `splitBy` columns always split the rows into crowds (one per combination of values).
 *    With one truth for all rows (of each such crowd), `groupBy` columns are breakdown dimensions.
 *    When a per-row truth varies, the rows are split by the shortest prefix of `groupBy` that
 *    makes the truth constant within each part (the questions); the remaining `groupBy` columns
 *    are breakdown dimensions within each. No such prefix is an error that suggests columns
 *    that would work.
 * 4. Crowds appear in the order their first row does; estimates keep row order.
 * 5. `cueColumn` gives each judge an ability cue (non-numbers: none); `respondents` (or a
 *    `respondentColumn`) says who gave each estimate.
 *
 * @param table the table (from `parseCsvTable` or `flattenRecords`)
 * @param options the estimate column, the truth, filters and groups
 * @returns the crowds, with skipped-row counts
 * @throws Error naming the column or file and the fix (unknown column, no truth, several truths)
 */
export function extractCrowds(table: DataTable, options: ExtractCrowdsOptions): ExtractedCrowds {
  const index = (name: string, what: string): number => {
    const i = table.columns.indexOf(name);
    if (i < 0) {
      throw new Error(`${table.source}: no column "${name}" (${what}); columns: ${table.columns.join(', ')}`);
    }
    return i;
  };
  const estimateAt = index(options.column, '--column');
  const truthAt =
    options.truthColumn === undefined ? undefined : index(options.truthColumn, '--truth-column');
  if (truthAt === undefined && options.truth === undefined) {
    throw new Error(`${table.source}: no truth; give --truth X or --truth-column NAME`);
  }
  if (options.truth !== undefined && !(Number.isFinite(options.truth) && options.truth !== 0)) {
    throw new Error(`--truth must be a finite non-zero number (got ${options.truth})`);
  }
  const confidenceAt =
    options.confidenceColumn === undefined
      ? undefined
      : index(options.confidenceColumn, '--confidence-column');
  const cueAt = options.cueColumn === undefined ? undefined : index(options.cueColumn, '--cue-column');
  const respondentAt =
    options.respondentColumn === undefined
      ? undefined
      : (typeof options.respondentColumn === 'string'
          ? [options.respondentColumn]
          : options.respondentColumn
        ).map((name) => index(name, '--respondent-column'));
  const withRespondents = options.respondents === true || respondentAt !== undefined;
  const filters = (options.filters ?? []).map((f) => ({ at: index(f.column, '--filter'), value: f.value }));
  const groupBy = [...(options.groupBy ?? [])];
  const groupAt = groupBy.map((name) => index(name, '--group-by'));
  const forced = [...(options.splitBy ?? [])];
  const forcedAt = forced.map((name) => index(name, '--split-by'));
  const lineOf = (r: number): number => table.lines?.[r] ?? r + 1;

  const kept: number[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r] as readonly TableCell[];
    if (filters.every((f) => cellText(row[f.at]) === f.value)) kept.push(r);
  }
  const filteredOut = table.rows.length - kept.length;
  if (kept.length === 0 && filters.length > 0) {
    const first = options.filters?.[0];
    const values = first ? distinct(table, table.columns.indexOf(first.column)).slice(0, 12) : [];
    throw new Error(
      `${table.source}: no row matches --filter ${options.filters?.map((f) => `${f.column}=${f.value}`).join(' ')}${first ? `; ${first.column} takes ${values.join(', ')}` : ''}`,
    );
  }

  // Per-row truth (NaN when not a number).
  const truthOf = (r: number): number => {
    if (truthAt === undefined) return options.truth as number;
    const value = parseEstimateCell((table.rows[r] as readonly TableCell[])[truthAt] ?? null);
    return typeof value === 'number' ? value : Number.NaN;
  };
  const truths = new Set(kept.map(truthOf).filter((t) => !Number.isNaN(t)));
  const splitKey = (r: number, p: number): string =>
    keyOf(table.rows[r] as readonly TableCell[], [...forcedAt, ...groupAt.slice(0, p)]);
  let splitCount = 0;
  if (truths.size > 1 && !constantWithin(kept, (r) => splitKey(r, 0), truthOf)) {
    splitCount = -1;
    for (let p = 1; p <= groupBy.length; p++) {
      if (constantWithin(kept, (r) => splitKey(r, p), truthOf)) {
        splitCount = p;
        break;
      }
    }
    if (splitCount < 0) {
      const candidates = table.columns
        .map((name, at) => ({ name, at }))
        .filter(({ at }) => at !== truthAt && at !== estimateAt)
        .map(({ name, at }) => ({ name, values: distinct(table, at, kept) }))
        .filter(({ values }) => values.length > 1 && values.length <= 100)
        .filter(({ name }) =>
          constantWithin(
            kept,
            (r) => cellText((table.rows[r] as readonly TableCell[])[table.columns.indexOf(name)]),
            truthOf,
          ),
        )
        .sort((a, b) => a.values.length - b.values.length)
        .slice(0, 3);
      const hint =
        candidates.length > 0
          ? `analyze one question with --filter ${candidates[0]?.name}=${candidates[0]?.values[0]}, or each question with --group-by ${candidates[0]?.name}`
          : 'analyze one question at a time with --filter COL=VALUE';
      throw new Error(
        `${table.source}: column "${options.truthColumn}" holds ${truths.size} different truths (several questions${groupBy.length > 0 ? ` even within --group-by ${groupBy.join(',')}` : ''}); ${hint}`,
      );
    }
  }
  const splitBy = [...forced, ...groupBy.slice(0, splitCount)];
  const splitAt = [...forcedAt, ...groupAt.slice(0, splitCount)];
  const breakdownBy = groupBy.slice(splitCount);
  const breakdownAt = groupAt.slice(splitCount);

  interface Building {
    key: Record<string, string>;
    truth: number;
    values: number[];
    confidence: (number | undefined)[];
    cue: (number | undefined)[];
    respondents: string[];
    groups: string[][];
    rows: number;
    skipped: SkippedRows;
  }
  const parts = new Map<string, Building>();
  for (const r of kept) {
    const row = table.rows[r] as readonly TableCell[];
    const partKey = keyOf(row, splitAt);
    let part = parts.get(partKey);
    if (!part) {
      part = {
        key: Object.fromEntries(splitBy.map((name, i) => [name, cellText(row[splitAt[i] as number])])),
        truth: Number.NaN,
        values: [],
        confidence: [],
        cue: [],
        respondents: [],
        groups: breakdownBy.map(() => []),
        rows: 0,
        skipped: { total: 0, empty: 0, missing: 0, text: 0, truth: 0, examples: [] },
      };
      parts.set(partKey, part);
    }
    part.rows++;
    const truth = truthOf(r);
    if (Number.isNaN(truth)) {
      skip(
        part.skipped,
        {
          line: lineOf(r),
          column: options.truthColumn ?? '',
          value: cellText(row[truthAt as number]),
          reason: 'text',
        },
        'truth',
      );
      continue;
    }
    const value = parseEstimateCell(row[estimateAt] ?? null);
    if (typeof value !== 'number') {
      skip(
        part.skipped,
        { line: lineOf(r), column: options.column, value: cellText(row[estimateAt]), reason: value },
        value,
      );
      continue;
    }
    part.truth = truth;
    part.values.push(value);
    if (confidenceAt !== undefined) {
      const c = parseEstimateCell(row[confidenceAt] ?? null);
      part.confidence.push(typeof c === 'number' ? c : undefined);
    }
    if (cueAt !== undefined) {
      const c = parseEstimateCell(row[cueAt] ?? null);
      part.cue.push(typeof c === 'number' ? c : undefined);
    }
    if (withRespondents)
      part.respondents.push(
        respondentAt === undefined
          ? `row ${lineOf(r)}`
          : respondentAt.map((at) => cellText(row[at])).join('/'),
      );
    breakdownAt.forEach((at, i) => {
      const text = cellText(row[at]);
      (part.groups[i] as string[]).push(text === '' ? 'unknown' : text);
    });
  }
  const crowds: ExtractedCrowd[] = [];
  for (const part of parts.values()) {
    const label =
      splitBy.length === 0
        ? 'all'
        : Object.entries(part.key)
            .map(([k, v]) => `${k}=${v}`)
            .join(',');
    crowds.push({
      label,
      key: part.key,
      truth: Number.isNaN(part.truth) ? (options.truth ?? Number.NaN) : part.truth,
      sample: {
        values: part.values,
        ...(confidenceAt === undefined ? {} : { confidence: part.confidence }),
        ...(cueAt === undefined ? {} : { cue: part.cue }),
        ...(breakdownBy.length > 0
          ? { groups: Object.fromEntries(breakdownBy.map((name, i) => [name, part.groups[i] as string[]])) }
          : {}),
      },
      ...(withRespondents ? { respondents: part.respondents } : {}),
      rows: part.rows,
      skipped: part.skipped,
    });
  }
  return { crowds, rows: table.rows.length, filteredOut, splitBy, breakdownBy };
}

function skip(skipped: SkippedRows, row: SkippedRow, reason: NonNumberReason | 'truth'): void {
  skipped.total++;
  skipped[reason]++;
  if (skipped.examples.length < MAX_EXAMPLES) skipped.examples.push(row);
}

function cellText(cell: TableCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  return typeof cell === 'string' ? cell : String(cell);
}

function keyOf(row: readonly TableCell[], at: readonly number[]): string {
  return JSON.stringify(at.map((i) => cellText(row[i])));
}

function constantWithin(
  rows: readonly number[],
  keyFn: (r: number) => string,
  truthOf: (r: number) => number,
): boolean {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const truth = truthOf(r);
    if (Number.isNaN(truth)) continue;
    const key = keyFn(r);
    const before = seen.get(key);
    if (before === undefined) seen.set(key, truth);
    else if (before !== truth) return false;
  }
  return true;
}

function distinct(table: DataTable, at: number, rows?: readonly number[]): string[] {
  const out = new Set<string>();
  const list = rows ?? table.rows.map((_, r) => r);
  for (const r of list) out.add(cellText((table.rows[r] as readonly TableCell[])[at]));
  return [...out];
}
