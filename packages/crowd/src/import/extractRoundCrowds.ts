import type { DataTable, TableCell } from './DataTable.js';
import { parseEstimateCell } from './parseEstimateCell.js';

/** Where the rounds of a table are and which rows form which crowd. */
export interface ExtractRoundCrowdsOptions {
  /** Wide: one column per round, in round order (e.g. response_1,response_2,response_3). */
  rounds?: readonly string[];
  /** Long: the column naming each row's round (its values sorted numerically, else as first seen). */
  roundColumn?: string;
  /** Long: the column of estimates. */
  column?: string;
  /** Long: the column (or columns together) identifying who answered, to follow a person from round to round. */
  respondentColumn?: string | readonly string[];
  /** One truth for every row ... */
  truth?: number;
  /** ... or a column of each row's truth, constant within a crowd. */
  truthColumn?: string;
  /** Columns whose values make each crowd (e.g. task,group_number); default: one crowd. */
  splitBy?: readonly string[];
  /** Columns whose values group the crowds (e.g. network); constant within a crowd. */
  groupBy?: readonly string[];
  /** Keep only rows whose column equals the value (as text). */
  filters?: readonly { column: string; value: string }[];
  /** Wide: one column per transition with what each person was shown before the next round. */
  shownColumns?: readonly string[];
  /** Long: the column with what the person was shown before this row's answer. */
  shownColumn?: string;
}

/** One crowd followed across rounds. */
export interface RoundCrowd {
  /** "all", or the split, e.g. "task=1a,group_number=12". */
  readonly label: string;
  /** The split columns and their values. */
  readonly key: Record<string, string>;
  /** The group-by values joined by "," (undefined without --group-by). */
  readonly group: string | undefined;
  readonly groupKey: Record<string, string>;
  readonly truth: number;
  /** Round names: the wide columns, or the round column's values. */
  readonly rounds: readonly string[];
  /** Who answered: the respondent ids (long), or the rows' line numbers (wide). */
  readonly respondents: readonly string[];
  /** values[r][i]: respondent i's answer in round r, NaN without a number. */
  readonly values: readonly Float64Array[];
  /** shown[t][i]: what respondent i was shown between rounds t and t + 1 (NaN unknown); absent when no shown column was given. */
  readonly shown: readonly Float64Array[] | undefined;
  /** Rows of this crowd (before skipping). */
  readonly rows: number;
  /** Rows skipped because their truth is not a number. */
  readonly skippedTruth: number;
}

/** What `extractRoundCrowds` found. */
export interface ExtractedRoundCrowds {
  readonly crowds: RoundCrowd[];
  readonly rounds: readonly string[];
  readonly rows: number;
  readonly filteredOut: number;
  readonly splitBy: readonly string[];
  readonly groupBy: readonly string[];
}

/**
 * Reads crowds followed across rounds out of a table, wide (one column per round) or long (one
 * row per answer, with a round column and a respondent column).
 *
 * Intuition: multi-round experiments (Lorenz et al. 2011: E1..E5; Becker et al. 2017:
 * response_1..3) ask the same people the same question again after showing them something of the
 * others; the interesting quantities are how each person and each crowd changed. Behaviour:
 * 1. `filters` keep rows whose cell text equals the value.
 * 2. Rows are split into crowds by the `splitBy` values, in the order crowds first appear. The
 *    truth (`truth`, or `truthColumn`) must be constant within each crowd; if not, the error
 *    names columns that would make it so. Rows whose truth is not a number are skipped, counted.
 * 3. Wide: each row is one respondent; a round's cell that is not a number is NaN. Long: rows are
 *    respondents' answers (`respondentColumn`, one column or several together) in a round
 *    (`roundColumn`); a respondent's second
 *    answer in the same round is an error naming its line.
 * 4. `groupBy` values must be constant within a crowd (e.g. the network of a Becker group).
 * 5. What was shown: wide, `shownColumns[t]` is shown between rounds t and t + 1; long, the
 *    `shownColumn` of the row of round t + 1.
 *
 * @param table the table (from `parseCsvTable` or `flattenRecords`)
 * @param options the rounds, truth, splits, groups and shown columns
 * @returns the crowds and how they were made
 * @throws Error naming the flag and the fix (unknown column, varying truth or group, duplicates)
 */
export function extractRoundCrowds(
  table: DataTable,
  options: ExtractRoundCrowdsOptions,
): ExtractedRoundCrowds {
  const at = (name: string, flag: string): number => {
    const i = table.columns.indexOf(name);
    if (i < 0)
      throw new Error(`${table.source}: no column "${name}" (${flag}); columns: ${table.columns.join(', ')}`);
    return i;
  };
  const wide = options.rounds !== undefined;
  if (wide === (options.roundColumn !== undefined))
    throw new Error('give the rounds either as columns (--rounds) or as a round column (--round-column)');
  if (wide && (options.rounds?.length ?? 0) < 2) throw new Error('--rounds needs at least two columns');
  const roundAt = wide ? (options.rounds ?? []).map((c) => at(c, '--rounds')) : [];
  const longRoundAt = options.roundColumn === undefined ? -1 : at(options.roundColumn, '--round-column');
  if (!wide && options.column === undefined) throw new Error('--round-column needs --column (the estimates)');
  if (!wide && options.respondentColumn === undefined)
    throw new Error(
      '--round-column needs --respondent-column (who answered), to follow each person across rounds',
    );
  const estimateAt = wide ? -1 : at(options.column as string, '--column');
  const respondentAt = wide
    ? []
    : (typeof options.respondentColumn === 'string'
        ? [options.respondentColumn]
        : [...(options.respondentColumn ?? [])]
      ).map((c) => at(c, '--respondent-column'));
  const shownAt = (options.shownColumns ?? []).map((c) => at(c, '--shown-columns'));
  if (wide && shownAt.length > 0 && shownAt.length !== roundAt.length - 1)
    throw new Error(
      `--shown-columns needs one column per transition: ${roundAt.length - 1} for ${roundAt.length} rounds (got ${shownAt.length})`,
    );
  if (!wide && shownAt.length > 0)
    throw new Error('--shown-columns is for --rounds; with --round-column give --shown-column');
  const longShownAt = options.shownColumn === undefined ? -1 : at(options.shownColumn, '--shown-column');
  if (wide && longShownAt >= 0)
    throw new Error('--shown-column is for --round-column; with --rounds give --shown-columns');
  const truthAt = options.truthColumn === undefined ? -1 : at(options.truthColumn, '--truth-column');
  if (truthAt < 0 && options.truth === undefined)
    throw new Error(`${table.source}: no truth; give --truth X or --truth-column NAME`);
  if (options.truth !== undefined && !(Number.isFinite(options.truth) && options.truth !== 0))
    throw new Error(`--truth must be a finite non-zero number (got ${options.truth})`);
  const splitBy = [...(options.splitBy ?? [])];
  const splitAt = splitBy.map((c) => at(c, '--split-by'));
  const groupBy = [...(options.groupBy ?? [])];
  const groupAt = groupBy.map((c) => at(c, '--group-by'));
  const filters = (options.filters ?? []).map((f) => ({ at: at(f.column, '--filter'), value: f.value }));

  const rows = table.rows as readonly (readonly TableCell[])[];
  const kept: number[] = [];
  rows.forEach((row, r) => {
    if (filters.every((f) => text(row[f.at]) === f.value)) kept.push(r);
  });
  if (kept.length === 0)
    throw new Error(`${table.source}: no row${filters.length > 0 ? ' matches the filters' : 's'}`);
  const lineOf = (r: number): number => table.lines?.[r] ?? r + 1;
  const truthOf = (r: number): number => {
    if (truthAt < 0) return options.truth as number;
    const value = parseEstimateCell(rows[r]?.[truthAt] ?? null);
    return typeof value === 'number' ? value : Number.NaN;
  };
  const numberAt = (r: number, column: number): number => {
    const value = parseEstimateCell(rows[r]?.[column] ?? null);
    return typeof value === 'number' ? value : Number.NaN;
  };

  const roundNames = wide
    ? [...(options.rounds ?? [])]
    : longRounds(kept.map((r) => text(rows[r]?.[longRoundAt])));
  const roundIndex = new Map(roundNames.map((name, i) => [name, i]));

  interface Building {
    key: Record<string, string>;
    groupKey: Record<string, string>;
    truth: number;
    respondents: string[];
    byRespondent: Map<string, number>;
    values: number[][];
    shown: number[][];
    rows: number;
    skippedTruth: number;
    /** respondent:round pairs already read (long). */
    seen: Set<string>;
  }
  const parts = new Map<string, Building>();
  for (const r of kept) {
    const row = rows[r] as readonly TableCell[];
    const partKey = JSON.stringify(splitAt.map((i) => text(row[i])));
    let part = parts.get(partKey);
    const groupKey = Object.fromEntries(groupBy.map((name, i) => [name, text(row[groupAt[i] as number])]));
    if (!part) {
      part = {
        key: Object.fromEntries(splitBy.map((name, i) => [name, text(row[splitAt[i] as number])])),
        groupKey,
        truth: Number.NaN,
        respondents: [],
        byRespondent: new Map(),
        values: roundNames.map(() => []),
        shown: roundNames.slice(1).map(() => []),
        rows: 0,
        skippedTruth: 0,
        seen: new Set(),
      };
      parts.set(partKey, part);
    }
    part.rows++;
    for (const name of groupBy) {
      if (part.groupKey[name] !== groupKey[name])
        throw new Error(
          `--group-by ${name} takes several values within the crowd ${labelOf(part.key)} ("${part.groupKey[name]}", "${groupKey[name]}" at line ${lineOf(r)}); add ${name} to --split-by, or split by the column that identifies a crowd`,
        );
    }
    const truth = truthOf(r);
    if (Number.isNaN(truth)) {
      part.skippedTruth++;
      continue;
    }
    if (Number.isNaN(part.truth)) part.truth = truth;
    else if (part.truth !== truth) throw new Error(varyingTruth(table, kept, splitBy, part.key, truthOf));
    if (wide) {
      part.respondents.push(String(lineOf(r)));
      roundAt.forEach((column, round) => {
        (part.values[round] as number[]).push(numberAt(r, column));
      });
      shownAt.forEach((column, t) => {
        (part.shown[t] as number[]).push(numberAt(r, column));
      });
      continue;
    }
    const who = respondentAt.map((i) => text(row[i])).join(',');
    let i = part.byRespondent.get(who);
    if (i === undefined) {
      i = part.respondents.length;
      part.byRespondent.set(who, i);
      part.respondents.push(who);
      for (const list of part.values) list.push(Number.NaN);
      for (const list of part.shown) list.push(Number.NaN);
    }
    const round = roundIndex.get(text(row[longRoundAt])) as number;
    const list = part.values[round] as number[];
    if (part.seen.has(`${i}:${round}`))
      throw new Error(
        `${table.source}:${lineOf(r)}: respondent ${who} answers round ${roundNames[round]} twice in crowd ${labelOf(part.key)}; split by the column that tells the answers apart (--split-by)`,
      );
    part.seen.add(`${i}:${round}`);
    list[i] = numberAt(r, estimateAt);
    if (longShownAt >= 0 && round > 0) (part.shown[round - 1] as number[])[i] = numberAt(r, longShownAt);
  }
  const crowds = [...parts.values()].map(
    (part): RoundCrowd => ({
      label: labelOf(part.key),
      key: part.key,
      group: groupBy.length > 0 ? groupBy.map((name) => part.groupKey[name]).join(',') : undefined,
      groupKey: part.groupKey,
      truth: Number.isNaN(part.truth) ? (options.truth ?? Number.NaN) : part.truth,
      rounds: roundNames,
      respondents: part.respondents,
      values: part.values.map((list) => Float64Array.from(list)),
      shown:
        shownAt.length > 0 || longShownAt >= 0
          ? part.shown.map((list) => Float64Array.from(list))
          : undefined,
      rows: part.rows,
      skippedTruth: part.skippedTruth,
    }),
  );
  return {
    crowds,
    rounds: roundNames,
    rows: rows.length,
    filteredOut: rows.length - kept.length,
    splitBy,
    groupBy,
  };
}

function text(cell: TableCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  return typeof cell === 'string' ? cell : String(cell);
}

function labelOf(key: Record<string, string>): string {
  const entries = Object.entries(key);
  return entries.length === 0 ? 'all' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}

/** Round values in numeric order when all are numbers, otherwise in the order first seen. */
function longRounds(values: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  if (distinct.every((v) => v.trim() !== '' && Number.isFinite(Number(v))))
    return distinct.sort((a, b) => Number(a) - Number(b));
  return distinct;
}

function varyingTruth(
  table: DataTable,
  kept: readonly number[],
  splitBy: readonly string[],
  key: Record<string, string>,
  truthOf: (r: number) => number,
): string {
  const candidates = table.columns.filter((name) => {
    const i = table.columns.indexOf(name);
    const seen = new Map<string, number>();
    for (const r of kept) {
      const truth = truthOf(r);
      if (Number.isNaN(truth)) continue;
      const value = text(table.rows[r]?.[i]);
      const before = seen.get(value);
      if (before === undefined) seen.set(value, truth);
      else if (before !== truth) return false;
    }
    return seen.size > 1 && seen.size <= 100;
  });
  const hint =
    candidates.length > 0 ? `; the truth is constant within ${candidates.slice(0, 3).join(', ')}` : '';
  return `${table.source}: the crowd ${labelOf(key)} holds several truths (several questions); add the question's column to --split-by${splitBy.length > 0 ? ` (now ${splitBy.join(',')})` : ''}${hint}`;
}
