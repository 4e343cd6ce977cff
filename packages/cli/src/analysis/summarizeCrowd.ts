import {
  type EstimateSummary,
  type ExtractedCrowd,
  strategyNames,
  summarizeEstimates,
  type WocTieRule,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';

/** What of the analysis to compute. */
export interface CrowdAnalysisOptions {
  strategies?: string[] | undefined;
  /** Permutations of the subset-size analysis (0 = skip). */
  subsets: number;
  tolerance: number;
  /** Subset sizes added to the grid (`--ks`). */
  ks?: number[] | undefined;
  /** `--epsilon` of the smallest good size. */
  epsilon?: number | undefined;
  seed: number;
  /** Bootstrap resamples of the breakdown intervals. */
  bootstrap?: number;
  /** How the WOC indicator counts answers equal to the truth (default both sides). */
  wocTies?: WocTieRule;
  /** Judges the selectCrowd strategy averages (`--select-k`, default 5). */
  selectK?: number;
}

/**
 * Checks `--strategies` names against the registry (one usage error listing the known names).
 *
 * @param names the names given
 * @returns the names, or undefined for every strategy
 */
export function checkStrategies(names: string[] | undefined): string[] | undefined {
  if (!names) return undefined;
  const unknown = names.filter((name) => !strategyNames.includes(name));
  if (unknown.length > 0) {
    throw usageError(`--strategies: unknown ${unknown.join(', ')}; known: ${strategyNames.join(', ')}`);
  }
  return names;
}

/**
 * Every metric and strategy of one crowd, with the subset analysis and the breakdowns of its
 * groups: `summarizeEstimates` with the command's options (no statistic is computed here).
 * A crowd without a single number has no summary (undefined).
 *
 * @param crowd the crowd
 * @param options strategies, subsets, tolerance, seed
 * @returns the summary, or undefined for an empty crowd
 */
export function summarizeCrowd(
  crowd: ExtractedCrowd,
  options: CrowdAnalysisOptions,
): EstimateSummary | undefined {
  const n = crowd.sample.values.length;
  if (n === 0) return undefined;
  return summarizeEstimates(crowd.sample, crowd.truth, {
    ...(options.strategies ? { strategies: options.strategies } : {}),
    subsets:
      options.subsets > 0 && n > 1
        ? {
            B: options.subsets,
            tolerance: options.tolerance,
            ...(options.ks ? { extraKs: options.ks } : {}),
            ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
          }
        : false,
    groups: crowd.sample.groups !== undefined && Object.keys(crowd.sample.groups).length > 0,
    bootstrap: options.bootstrap ?? 500,
    seed: options.seed,
    ...(options.wocTies ? { wocTies: options.wocTies } : {}),
    ...(options.selectK !== undefined ? { strategyOptions: { selectCrowd: { k: options.selectK } } } : {}),
  });
}
