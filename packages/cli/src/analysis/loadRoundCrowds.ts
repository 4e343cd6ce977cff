import {
  type ExtractedRoundCrowds,
  type ExtractRoundCrowdsOptions,
  extractRoundCrowds,
  isBatteryDescriptor,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import { listFlag } from '../flags.js';
import { ITEM_TRUTH, withItemTruths } from './estimateCrowds.js';
import type { EstimateInput } from './loadEstimateInput.js';

/** The flags that say where the rounds are and which rows form which crowd. */
export interface RoundSelectionFlags {
  rounds?: string | undefined;
  roundColumn?: string | undefined;
  column?: string | undefined;
  respondentColumn?: string | undefined;
  shownColumns?: string | undefined;
  shownColumn?: string | undefined;
  truth?: number | undefined;
  truthColumn?: string | undefined;
  splitBy?: string[] | undefined;
  groupBy?: string[] | undefined;
  /** `COL=VALUE` texts. */
  filters: string[];
}

/** The crowds followed across rounds, and where their truth came from. */
export interface RoundCrowds extends ExtractedRoundCrowds {
  truthFrom: string;
  filters: { column: string; value: string }[];
  notes: string[];
}

/** Whether the flags ask for the round-by-round report. */
export function wantsRounds(flags: {
  rounds?: string | undefined;
  'round-column'?: string | undefined;
}): boolean {
  return flags.rounds !== undefined || flags['round-column'] !== undefined;
}

/**
 * Turns the round flags into crowds followed across rounds (`extractRoundCrowds`), with the
 * defaults of a run: the estimate column, personaIndex as respondent, shown as what was shown,
 * the task's truth from run.json, and one crowd per replicate when there are several (and per
 * item of a battery, each with its truth). Errors
 * name the flag and the fix (exit 2).
 *
 * @param input the loaded input
 * @param flags the round selection flags
 * @returns the crowds, with the truth's source, filters and notes
 */
export function loadRoundCrowds(input: EstimateInput, flags: RoundSelectionFlags): RoundCrowds {
  const isRun = input.kind === 'run';
  const battery =
    isRun && input.manifest !== undefined && isBatteryDescriptor(input.manifest.descriptor.task);
  if (battery && (flags.truth !== undefined || flags.truthColumn !== undefined))
    throw usageError(
      `--input ${input.table.source} is a battery: each item has its truth in run.json; leave out --truth and --truth-column`,
    );
  const table =
    battery && input.manifest ? withItemTruths(input.table, input.manifest.descriptor.task) : input.table;
  const notes: string[] = [];
  const filters = flags.filters.map((text) => {
    const at = text.indexOf('=');
    if (at <= 0) throw usageError(`--filter takes COL=VALUE, e.g. --filter task=1a (got "${text}")`);
    return { column: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
  });
  const rounds = listFlag(flags.rounds);
  if (flags.rounds !== undefined && flags.roundColumn !== undefined)
    throw usageError(
      'give either --rounds (one column per round) or --round-column (a column naming the round), not both',
    );
  if (rounds && flags.column !== undefined)
    throw usageError('--column is for one round; with --rounds the rounds are the columns listed there');
  let truth = flags.truth;
  const truthColumn = battery ? ITEM_TRUTH : flags.truthColumn;
  let truthFrom = battery
    ? `run.json (${input.manifest?.descriptor.task.id}, one truth per item)`
    : flags.truthColumn !== undefined
      ? `--truth-column ${flags.truthColumn}`
      : '--truth';
  if (truth !== undefined && flags.truthColumn !== undefined)
    throw usageError('give either --truth or --truth-column, not both');
  if (truth === undefined && truthColumn === undefined) {
    if (isRun && input.manifest) {
      truth = input.manifest.descriptor.task.truth;
      truthFrom = `run.json (${input.manifest.descriptor.task.id})`;
    } else if (isRun)
      throw usageError(
        `--input ${table.source}: no run.json beside it to take the truth from; give --truth X`,
      );
  }
  const splitBy = [...(flags.splitBy ?? [])];
  if (battery && !splitBy.includes('item')) splitBy.unshift('item');
  if (isRun && flags.roundColumn !== undefined) {
    const replicateAt = table.columns.indexOf('replicate');
    const replicates = new Set(table.rows.map((row) => row[replicateAt]));
    if (replicates.size > 1 && !splitBy.includes('replicate')) {
      splitBy.push('replicate');
      notes.push(`each of the ${replicates.size} replicates is its own crowd (split by replicate)`);
    }
  }
  const options: ExtractRoundCrowdsOptions = {
    ...(rounds ? { rounds } : {}),
    ...(flags.roundColumn !== undefined ? { roundColumn: flags.roundColumn } : {}),
    ...(flags.roundColumn !== undefined ? { column: flags.column ?? (isRun ? 'estimate' : undefined) } : {}),
    ...(flags.roundColumn !== undefined
      ? { respondentColumn: listFlag(flags.respondentColumn) ?? (isRun ? 'personaIndex' : undefined) }
      : {}),
    ...(truth === undefined ? {} : { truth }),
    ...(truthColumn === undefined ? {} : { truthColumn }),
    splitBy,
    ...(flags.groupBy ? { groupBy: flags.groupBy } : {}),
    filters,
    ...(listFlag(flags.shownColumns) ? { shownColumns: listFlag(flags.shownColumns) } : {}),
    ...(flags.shownColumn !== undefined
      ? { shownColumn: flags.shownColumn }
      : isRun && flags.roundColumn !== undefined
        ? { shownColumn: 'shown' }
        : {}),
  };
  if (!rounds && flags.shownColumns !== undefined)
    throw usageError('--shown-columns is for --rounds; with --round-column give --shown-column');
  try {
    return { ...extractRoundCrowds(table, options), truthFrom, filters, notes };
  } catch (error) {
    throw usageError((error as Error).message);
  }
}
