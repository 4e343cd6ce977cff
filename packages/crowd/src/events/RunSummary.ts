import type { CrossItemAnalysis } from '../analysis/crossItemRanking.js';
import type { HumanFidelity } from '../analysis/humanFidelity.js';
import type { IntensityTrend } from '../analysis/intensityTrends.js';
import type { SkillSummary } from '../analysis/personaSkill.js';
import type { ItemSummary } from '../analysis/summarizeBattery.js';
import type { ConductSummary } from '../analysis/summarizeConduct.js';
import type { EstimateSummary } from '../analysis/summarizeEstimates.js';
import type { StoppingSummary } from '../stopping/PrecisionStop.js';
import type { RunDescriptor } from './RunDescriptor.js';

/** Collective measures of one social-influence round (Lorenz et al. 2011). */
export interface RoundStats {
  round: number;
  /** The item of a battery these measures are of (absent for a single question). */
  item?: string;
  /** Answers with a number. */
  n: number;
  failed: number;
  mean: number;
  median: number;
  collectiveError: number;
  averageIndividualError: number;
  diversity: number;
  logCollectiveError: number;
  logDiversity: number;
  /** min(#x <= T, #x >= T): estimates equal to the truth count on both sides (`wocIndicator`). */
  wocIndicator: number;
  /** Answers with a revision weight: a number in this round and the previous one, and something shown. */
  revised: number;
  /** Mean and median of Becker et al.'s revision weight (NaN without any, e.g. round 0). */
  revisionWeightMean: number;
  revisionWeightMedian: number;
}

/** How many answers of each kind a run has. */
export interface RunCounts {
  /** Personas in this run's crowd (after sharding). */
  personas: number;
  /** Answers the run asks for: personas x replicates x rounds. */
  expected: number;
  /** Answers with a parsed number. */
  answered: number;
  /** The model answered, but no number could be read. */
  unparsed: number;
  /** The model call failed (after retries). */
  failed: number;
  /** Answers served from the response cache. */
  cached: number;
  /** Calls of the run's model that reached it (not cached), revision turns of the conduct check included. */
  modelCalls: number;
  /** Prompt tokens of the calls that reached the run's model for this run (not cached; failed calls count 0; revision turns included). */
  modelPromptTokens: number;
  /** Completion tokens of the calls that reached the run's model for this run. */
  modelCompletionTokens: number;
  /** Answers still missing (an interrupted run); a crowd stopped at its precision misses none. */
  missing: number;
  /** Answers never asked because the crowd stopped at its precision (runs with a stop rule only). */
  skipped?: number;
}

/**
 * Tokens over every stored answer of a run, as the model reported them (0 where it reports none):
 * the size of the crowd in tokens, whatever the cache served. A cached answer counts the tokens of
 * the call that produced it; `counts.modelPromptTokens` / `modelCompletionTokens` count only the
 * calls this run made.
 */
export interface RunUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * The conduct check's judge calls over a run (a language-model judge): `calls` and the tokens over
 * every stored verdict, `modelCalls` and the `model*` tokens over the calls this run made (not
 * served from the cache). The judge may be another model than the run's, so they are kept apart
 * from `counts` and `usage`.
 */
export interface JudgeUsage {
  /** The judge's model id. */
  model: string;
  calls: number;
  modelCalls: number;
  promptTokens: number;
  completionTokens: number;
  modelPromptTokens: number;
  modelCompletionTokens: number;
}

/**
 * The summary of a run: `summary.json`, the `--json` output of `emocrowd run`, the payload of
 * `runCompleted`. Aggregates and metrics are over the last round's answers. Key names are
 * stable and documented in docs/json-output.md. `timing` is the only part that varies
 * between two runs of the same descriptor.
 *
 * A single question's summary has the keys of `EstimateSummary` at the top level (`truth`,
 * `aggregates`, `metrics`, ...). A battery's has `items[]` (one `EstimateSummary` per item)
 * instead, so those keys are absent.
 */
export interface RunSummary extends Partial<EstimateSummary> {
  schemaVersion: 1;
  runId: string;
  task: RunDescriptor['task'];
  model: { id: string; isLanguageModel: boolean };
  seed: number;
  counts: RunCounts;
  usage: RunUsage;
  /** The judge's calls and tokens (`--conduct` with a language-model judge). */
  judgeUsage?: JudgeUsage;
  rounds: RoundStats[];
  /**
   * Dose-response of an intensity sweep: per BEAM spectrum (or Plutchik spoke, or GoEmotions
   * label) whose personas were given at least two intensities, the slopes of error and spread
   * on the assigned intensity (last round's answers).
   */
  intensityTrends?: IntensityTrend[];
  /** The conduct check (`--conduct`): shares flagged and revised, and the crowd before and after revision (last round). */
  conduct?: ConductSummary;
  timing: { elapsedMs: number; answersPerSecond: number };
  /**
   * A run with `--stop-at-precision`: why and when it stopped, the interval it stopped on and
   * the calls it saved. Aggregates, metrics and rounds are then over the crowd it stopped at.
   */
  stopping?: StoppingSummary;
  /** A battery's items, in battery order. */
  items?: ItemSummary[];
  /** A single question's answers against its human crowd, when the task has one. */
  fidelity?: HumanFidelity;
  /** A battery's strategies compared across its items. */
  crossItem?: CrossItemAnalysis;
  /** A battery's personas: skill across items, its reliability and its breakdown by group. */
  skill?: SkillSummary;
}
