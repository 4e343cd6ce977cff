import type { RoundCrowd } from '../import/extractRoundCrowds.js';
import { type RoundEffect, type RoundEffectTest, roundEffects, roundEffectTests } from './roundEffects.js';
import { numbers, type RoundTransition, roundTransition } from './roundTransition.js';
import { type EstimateSummary, type SummaryOptions, summarizeEstimates } from './summarizeEstimates.js';

/** One round of one crowd: the single-question summary of its answers. */
export interface CrowdRound {
  /** The round's column (wide) or value of the round column (long). */
  readonly column: string;
  /** Answers with a number. */
  readonly n: number;
  /** `summarizeEstimates` of the round's answers; null without any. */
  readonly summary: EstimateSummary | null;
}

/** One crowd followed across rounds. */
export interface CrowdRounds {
  readonly label: string;
  /** The split columns and their values, e.g. `{ task: "1a", group_number: "12" }`. */
  readonly key: Record<string, string>;
  /** The group-by values joined by "," (null without --group-by). */
  readonly group: string | null;
  readonly truth: number;
  /** People in the crowd (answering in at least one round or not). */
  readonly respondents: number;
  /** Rows read for it (before skipping). */
  readonly rows: number;
  /** Rows skipped because their truth is not a number. */
  readonly skippedTruth: number;
  readonly rounds: readonly CrowdRound[];
  /** Each round to the next. */
  readonly transitions: readonly RoundTransition[];
  /** The first round to the last (null when either has no number). */
  readonly overall: RoundTransition | null;
}

/** The result of `roundAnalysis`. */
export interface RoundAnalysis {
  readonly rounds: readonly string[];
  readonly crowds: readonly CrowdRounds[];
  /** Per group (one group "all" without --group-by): crowds that improved, trajectories, revisions. */
  readonly roundEffects: readonly RoundEffect[];
  /** Tests of the difference in improved shares between groups (empty with fewer than two). */
  readonly roundEffectTests: readonly RoundEffectTest[];
}

/**
 * The round-by-round report of crowds followed across rounds (a multi-round run, or human data
 * such as Lorenz et al. 2011 and Becker et al. 2017).
 *
 * Behaviour:
 * 1. Per crowd and round: the single-question summary (`summarizeEstimates` with `summary`
 *    options: strategies, subsets, seed ...) of the round's answers.
 * 2. Per crowd: `roundTransition` from each round to the next, and from the first to the last.
 * 3. Per group: `roundEffects` (improved crowds, trajectories, pooled revision weights) and
 *    `roundEffectTests` (chi-square over the groups, Fisher's exact test per pair).
 *
 * @param crowds the crowds (`extractRoundCrowds`)
 * @param options.summary options of each round's summary (default: no subsets, no groups)
 * @returns the report
 */
export function roundAnalysis(
  crowds: readonly RoundCrowd[],
  options: { summary?: SummaryOptions } = {},
): RoundAnalysis {
  const reports = crowds.map((crowd): CrowdRounds => {
    const rounds = crowd.rounds.map((column, r): CrowdRound => {
      const values = numbers(crowd.values[r] as Float64Array);
      const usable = values.length > 0 && Number.isFinite(crowd.truth) && crowd.truth !== 0;
      return {
        column,
        n: values.length,
        summary: usable ? summarizeEstimates({ values }, crowd.truth, options.summary) : null,
      };
    });
    const transition = (a: number, b: number): RoundTransition =>
      roundTransition(
        crowd.rounds[a] as string,
        crowd.rounds[b] as string,
        crowd.values[a] as Float64Array,
        crowd.values[b] as Float64Array,
        b === a + 1 ? crowd.shown?.[a] : undefined,
        crowd.truth,
      );
    const last = crowd.rounds.length - 1;
    const hasFirstAndLast = (rounds[0]?.n ?? 0) > 0 && (rounds[last]?.n ?? 0) > 0;
    return {
      label: crowd.label,
      key: crowd.key,
      group: crowd.group ?? null,
      truth: crowd.truth,
      respondents: crowd.respondents.length,
      rows: crowd.rows,
      skippedTruth: crowd.skippedTruth,
      rounds,
      transitions: crowd.rounds.slice(1).map((_, t) => transition(t, t + 1)),
      overall: hasFirstAndLast ? transition(0, last) : null,
    };
  });
  const effects = roundEffects(
    crowds,
    reports.map((r) => r.overall ?? undefined),
  );
  return {
    rounds: crowds[0]?.rounds ?? [],
    crowds: reports,
    roundEffects: effects,
    roundEffectTests: roundEffectTests(effects),
  };
}
