import { usageError } from '../command/CliError.js';
import { listFlag } from '../flags.js';
import { type EstimateCrowds, estimateCrowds } from './estimateCrowds.js';
import { type EstimateInput, loadEstimateInput } from './loadEstimateInput.js';
import { checkStrategies } from './summarizeCrowd.js';

/** The parsed values of `estimateInputFlags` plus `--strategies`. */
export interface CrowdInputFlagValues {
  input?: string | undefined;
  column?: string | undefined;
  truth?: number | undefined;
  'truth-column'?: string | undefined;
  'confidence-column'?: string | undefined;
  'cue-column'?: string | undefined;
  filter: string[];
  strategies?: string | undefined;
  'split-by'?: string | undefined;
}

/** What `analyze` and `compare` start from. */
export interface LoadedCrowds {
  strategies: string[] | undefined;
  input: EstimateInput;
  crowds: EstimateCrowds;
}

/**
 * The first steps every reader of estimates shares: refuse stray arguments, check
 * `--strategies` and read `--input`.
 *
 * @returns the strategies and the input
 */
export function loadInput(
  command: string,
  flags: Pick<CrowdInputFlagValues, 'input' | 'strategies'>,
  positionals: readonly string[],
  cwd: string,
): { strategies: string[] | undefined; input: EstimateInput } {
  if (positionals.length > 0) {
    throw usageError(
      `${command}: unexpected argument "${positionals[0]}"; give the file with --input (see: emocrowd ${command} --help)`,
    );
  }
  const strategies = checkStrategies(listFlag(flags.strategies));
  return { strategies, input: loadEstimateInput(flags.input, cwd) };
}

/**
 * The first steps `analyze` and `compare` share: `loadInput`, then the crowds its flags
 * describe (split by `groupBy` when given).
 */
export function loadCrowds(
  command: string,
  flags: CrowdInputFlagValues,
  positionals: readonly string[],
  cwd: string,
  groupBy: string[] | undefined,
): LoadedCrowds {
  const { strategies, input } = loadInput(command, flags, positionals, cwd);
  return { strategies, input, crowds: crowdsOf(input, flags, groupBy) };
}

/**
 * The crowds of a loaded input that its flags describe (`estimateCrowds`).
 */
export function crowdsOf(
  input: EstimateInput,
  flags: CrowdInputFlagValues,
  groupBy: string[] | undefined,
): EstimateCrowds {
  return estimateCrowds(input, {
    column: flags.column,
    truth: flags.truth,
    truthColumn: flags['truth-column'],
    confidenceColumn: flags['confidence-column'],
    cueColumn: flags['cue-column'],
    groupBy,
    splitBy: listFlag(flags['split-by']),
    filters: flags.filter,
  });
}
