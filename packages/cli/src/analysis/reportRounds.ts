import { roundAnalysis } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import type { Io } from '../command/Io.js';
import { ksFlag, listFlag } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { renderRoundAnalysis } from '../output/renderRoundAnalysis.js';
import { loadEstimateInput } from './loadEstimateInput.js';
import { loadRoundCrowds } from './loadRoundCrowds.js';
import { checkStrategies } from './summarizeCrowd.js';

/** The parsed flags `reportRounds` reads (a subset of analyze's). */
export interface RoundReportFlags {
  input?: string | undefined;
  column?: string | undefined;
  truth?: number | undefined;
  'truth-column'?: string | undefined;
  filter: string[];
  'split-by'?: string | undefined;
  'group-by'?: string | undefined;
  rounds?: string | undefined;
  'round-column'?: string | undefined;
  'respondent-column'?: string | undefined;
  'shown-columns'?: string | undefined;
  'shown-column'?: string | undefined;
  strategies?: string | undefined;
  subsets: number;
  tolerance: number;
  ks?: string | undefined;
  epsilon: number;
  seed: number;
  json?: boolean | undefined;
}

/**
 * `analyze --rounds` / `--round-column`: reads the input, follows its crowds across rounds,
 * computes `roundAnalysis` (crowd does every number) and writes the JSON or the tables.
 *
 * @returns the exit code
 */
export function reportRounds(
  flags: RoundReportFlags,
  positionals: readonly string[],
  io: Io,
  explicit: ReadonlySet<string>,
): number {
  if (positionals.length > 0)
    throw usageError(
      `analyze: unexpected argument "${positionals[0]}"; give the file with --input (see: emocrowd analyze --help)`,
    );
  const strategies = checkStrategies(listFlag(flags.strategies));
  const input = loadEstimateInput(flags.input, io.cwd);
  const crowds = loadRoundCrowds(input, {
    rounds: flags.rounds,
    roundColumn: flags['round-column'],
    column: flags.column,
    respondentColumn: flags['respondent-column'],
    shownColumns: flags['shown-columns'],
    shownColumn: flags['shown-column'],
    truth: flags.truth,
    truthColumn: flags['truth-column'],
    splitBy: listFlag(flags['split-by']),
    groupBy: listFlag(flags['group-by']),
    filters: flags.filter,
  });
  // A subset analysis per crowd and round is rarely wanted and costly (152 x 3 for Becker et
  // al.): only when --subsets is given.
  const subsets = explicit.has('subsets') ? flags.subsets : 0;
  if (!explicit.has('subsets'))
    crowds.notes.push('no subset-size analysis per round (ask for it with --subsets B)');
  const report = roundAnalysis(crowds.crowds, {
    summary: {
      ...(strategies ? { strategies } : {}),
      subsets:
        subsets > 0
          ? {
              B: subsets,
              tolerance: flags.tolerance,
              epsilon: flags.epsilon,
              ...(ksFlag(flags.ks) ? { extraKs: ksFlag(flags.ks) } : {}),
            }
          : false,
      seed: flags.seed,
    },
  });
  if (report.crowds.every((c) => c.rounds.every((r) => r.n === 0)))
    throw usageError(
      `analyze: no numeric estimate in the rounds of ${input.path} (${crowds.rows} rows read)`,
    );
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          input: input.path,
          kind: input.kind,
          rounds: report.rounds,
          ...(flags['round-column'] !== undefined ? { roundColumn: flags['round-column'] } : {}),
          truthFrom: crowds.truthFrom,
          filters: crowds.filters,
          splitBy: crowds.splitBy,
          groupBy: crowds.groupBy,
          rows: crowds.rows,
          filteredOut: crowds.filteredOut,
          notes: crowds.notes,
          crowds: report.crowds,
          roundEffects: report.roundEffects,
          roundEffectTests: report.roundEffectTests,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const colors = colorsFor(io.stdout, io.env);
  const head = [
    `${input.kind === 'run' ? 'run' : 'file'} ${input.path}: ${crowds.rows} rows, rounds ${report.rounds.join(' -> ')}, truth from ${crowds.truthFrom}`,
    ...(crowds.filteredOut > 0
      ? [
          `${crowds.filteredOut} rows filtered out (${crowds.filters.map((f) => `${f.column}=${f.value}`).join(', ')})`,
        ]
      : []),
    `${report.crowds.length} crowd${report.crowds.length === 1 ? '' : 's'}${crowds.splitBy.length > 0 ? ` (by ${crowds.splitBy.join(', ')})` : ''}${crowds.groupBy.length > 0 ? `, grouped by ${crowds.groupBy.join(', ')}` : ''}`,
    ...crowds.notes,
    '',
  ];
  io.stdout.write(`${head.join('\n')}\n`);
  io.stdout.write(renderRoundAnalysis(report, { colors }));
  return 0;
}
