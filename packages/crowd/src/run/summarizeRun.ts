import { type Task, taskItems } from '@emocrowd/agents';
import { type HumanFidelity, humanFidelity } from '../analysis/humanFidelity.js';
import { type IntensityTrend, intensityTrends } from '../analysis/intensityTrends.js';
import { type BatteryItem, summarizeBattery } from '../analysis/summarizeBattery.js';
import { type ConductRow, summarizeConduct } from '../analysis/summarizeConduct.js';
import { type SummaryOptions, summarizeEstimates } from '../analysis/summarizeEstimates.js';
import { descriptorItems, isBatteryDescriptor, type RunDescriptor } from '../events/RunDescriptor.js';
import type { JudgeUsage, RoundStats, RunCounts, RunSummary, RunUsage } from '../events/RunSummary.js';
import type { DataTable } from '../import/DataTable.js';
import type { StoppingSummary } from '../stopping/PrecisionStop.js';
import { lastAnswered } from './lastAnswered.js';
import type { PersonaList } from './PersonaList.js';
import type { RunRounds } from './RunRounds.js';
import { type IntensityScales, roundSample } from './roundSample.js';
import { roundStats } from './roundStats.js';

/** What the summary of a run includes beyond aggregates and metrics. */
export interface RunSummaryOptions {
  /** Strategy names; default every registered strategy. */
  strategies?: readonly string[];
  /** Permutations of the subset-size analysis; 0 skips it. Default 200. */
  subsets?: number;
  /** Relative tolerance of the subset analysis' accuracy. Default 0.1. */
  tolerance?: number;
  /** Subset sizes added to the subset analysis' grid (e.g. 538). */
  ks?: readonly number[];
  /** The subset analysis' epsilon of the smallest good size. Default 0.01. */
  epsilon?: number;
  /** Dimensions to break down by; default emotion, plutchik, spectrum, intensity and every social attribute. */
  groupBy?: readonly string[];
  /** Bootstrap resamples of the mean intervals of groups up to 2,000 answers (medians are exact). Default 500. */
  bootstrap?: number;
  /** Options per strategy name, e.g. `{ selectCrowd: { k: 10 } }`. */
  strategyOptions?: SummaryOptions['strategyOptions'];
}

/**
 * The summary of a run: counts over every round, aggregates, metrics, subsets and breakdowns
 * over the last round's answers, and per-round measures. Answers are taken in slot order
 * (replicate, then persona position), so the result does not depend on arrival order.
 *
 * A single question's summary has its aggregates and metrics at the top level. A battery's has
 * `items[]` instead, one summary per item over that item's last round with answers, and its
 * `rounds[]` hold one entry per round and item.
 *
 * When personas were given at least two intensities of one emotion scale (a BEAM spectrum, a
 * Plutchik spoke, a GoEmotions label), the summary (or each item's) adds `intensityTrends`.
 *
 * When the task's question (or a battery's item) has a human crowd, `fidelity` compares the
 * run's independent answers (round 0) with it (`humanFidelity`): the human data sets hold the
 * humans' first, independent estimates.
 *
 * @param input.task - the task asked: what the descriptor does not hold (each item's human crowd);
 *   without it there is no fidelity
 */
export function summarizeRun(input: {
  descriptor: RunDescriptor;
  personas: PersonaList;
  rounds: RunRounds;
  task?: Task;
  options: RunSummaryOptions | undefined;
  elapsedMs: number;
  /** Every answer the run holds, when `rounds` is the part a stopped crowd is summarised over. */
  counted?: RunRounds;
  /** A crowd stopped at its precision: what the summary says about it. */
  stopping?: StoppingSummary;
}): RunSummary {
  const { descriptor, personas, rounds, stopping } = input;
  const options = input.options ?? {};
  const items = descriptorItems(descriptor.task);
  const battery = isBatteryDescriptor(descriptor.task);
  const counts = countAnswers(input.counted ?? rounds, descriptor, stopping);
  const roundList: RoundStats[] = [];
  rounds.states.forEach((states, r) => {
    states.forEach((state, i) => {
      const item = items[i];
      const previous = rounds.states[r - 1]?.[i];
      if (state.size > 0 && item)
        roundList.push(roundStats(state, item.truth, battery ? item.id : undefined, previous));
    });
  });
  const summaryBase = {
    schemaVersion: 1 as const,
    runId: descriptor.runId,
    task: descriptor.task,
    model: { id: descriptor.model.id, isLanguageModel: descriptor.model.isLanguageModel },
    seed: descriptor.seed,
    counts,
    usage: usageOf(input.counted ?? rounds),
    ...(descriptor.conduct?.judge.isLanguageModel
      ? { judgeUsage: judgeUsageOf(input.counted ?? rounds, descriptor.conduct.judge.id) }
      : {}),
    rounds: roundList,
    timing: {
      elapsedMs: Math.round(input.elapsedMs),
      answersPerSecond:
        input.elapsedMs > 0
          ? Math.round(((counts.expected - counts.missing - (counts.skipped ?? 0)) / input.elapsedMs) * 1000)
          : 0,
    },
    ...(stopping ? { stopping } : {}),
  };
  const B = options.subsets ?? 200;
  const estimateOptions = (n: number, hasGroups: boolean): SummaryOptions => ({
    ...(options.strategies ? { strategies: options.strategies } : {}),
    subsets:
      B > 0 && n > 1
        ? {
            B,
            tolerance: options.tolerance ?? 0.1,
            ...(options.ks ? { extraKs: options.ks } : {}),
            ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
          }
        : false,
    groups: hasGroups,
    bootstrap: options.bootstrap ?? 500,
    seed: descriptor.seed,
    ...(options.strategyOptions ? { strategyOptions: options.strategyOptions } : {}),
  });

  const humans = new Map(input.task ? taskItems(input.task).map((item) => [item.id, item.humanData]) : []);
  const tables = new Map<string, DataTable>();
  const fidelityOf = (i: number): HumanFidelity | undefined => {
    const item = items[i];
    const human = item ? humans.get(item.id) : undefined;
    if (!item || !human) return undefined;
    const { values } = roundSample(rounds.states[0]?.[i], personas).sample;
    if (values.length === 0) return undefined;
    return humanFidelity(values, human, item.truth, {
      seed: battery ? `${descriptor.seed}:${item.id}` : descriptor.seed,
      resamples: options.bootstrap ?? 500,
      tables,
    });
  };

  const trendsOf = (
    values: readonly number[],
    truth: number,
    scales: IntensityScales | undefined,
    seed: string,
  ) =>
    scales === undefined
      ? []
      : intensityTrends(values, truth, scales.levels, {
          by: scales.scales,
          labels: scales.labels,
          bootstrap: options.bootstrap ?? 500,
          seed,
        }).filter((trend) => trend.levels.length >= 2);

  const conductOf = (rows: readonly ConductRow[], truth: number, seed: string) =>
    descriptor.conduct === undefined
      ? undefined
      : summarizeConduct(rows, truth, {
          code: descriptor.conduct.code.name,
          judge: descriptor.conduct.judge.id,
          ...(options.strategies ? { strategies: options.strategies } : {}),
          seed,
        });

  if (battery) {
    const samples = items.map((_, i) => roundSample(lastAnswered(rounds, i), personas, options.groupBy));
    const batteryItems: BatteryItem[] = items.map((item, i) => {
      const { sample, personaIndex } = samples[i] as ReturnType<typeof roundSample>;
      return { id: item.id, truth: item.truth, sample, respondents: Array.from(personaIndex, String) };
    });
    // Breakdowns and subsets as for one question; summarizeBattery skips subsets of single answers.
    const anyGroups = batteryItems.some((b) => Object.keys(b.sample.groups ?? {}).length > 0);
    const report = summarizeBattery(batteryItems, estimateOptions(2, anyGroups));
    const withTrends = report.items.map((summary, i) => {
      const { sample, scales, conduct } = samples[i] as ReturnType<typeof roundSample>;
      const seed = `${descriptor.seed}:${summary.id}`;
      const trends = trendsOf(sample.values, summary.truth, scales, seed);
      const conductSummary = conductOf(conduct, summary.truth, seed);
      const fidelity = fidelityOf(i);
      return {
        ...summary,
        ...(trends.length > 0 ? { intensityTrends: trends } : {}),
        ...(conductSummary ? { conduct: conductSummary } : {}),
        ...(fidelity ? { fidelity } : {}),
      };
    });
    return { ...summaryBase, ...report, items: withTrends };
  }

  const truth = items[0]?.truth ?? Number.NaN;
  // Only the sample outlives this step: the persona, scale and conduct columns are dropped
  // before the summary's heavy part, so a million answers do not carry them through it.
  const { sample, trends, conductSummary } = (() => {
    const { sample, scales, conduct } = roundSample(lastAnswered(rounds, 0), personas, options.groupBy);
    if (sample.values.length === 0) return { sample, trends: [], conductSummary: undefined };
    const trends: IntensityTrend[] = trendsOf(sample.values, truth, scales, String(descriptor.seed));
    return { sample, trends, conductSummary: conductOf(conduct, truth, String(descriptor.seed)) };
  })();
  if (sample.values.length === 0) {
    return { ...summaryBase, truth, aggregates: {}, metrics: { n: 0 } } as unknown as RunSummary;
  }
  const hasGroups = Object.keys(sample.groups ?? {}).length > 0;
  const fidelity = fidelityOf(0);
  return {
    ...summaryBase,
    ...summarizeEstimates(sample, truth, estimateOptions(sample.values.length, hasGroups)),
    ...(trends.length > 0 ? { intensityTrends: trends } : {}),
    ...(conductSummary ? { conduct: conductSummary } : {}),
    ...(fidelity ? { fidelity } : {}),
  };
}

/** The judge's calls and tokens over the run (see RunSummary.judgeUsage). */
function judgeUsageOf(rounds: RunRounds, model: string): JudgeUsage {
  const usage: JudgeUsage = {
    model,
    calls: 0,
    modelCalls: 0,
    promptTokens: 0,
    completionTokens: 0,
    modelPromptTokens: 0,
    modelCompletionTokens: 0,
  };
  for (const state of rounds.all()) {
    const judge = state.judgeTotals();
    usage.calls += judge.calls;
    usage.modelCalls += judge.modelCalls;
    usage.promptTokens += judge.prompt;
    usage.completionTokens += judge.completion;
    usage.modelPromptTokens += judge.modelPrompt;
    usage.modelCompletionTokens += judge.modelCompletion;
  }
  return usage;
}

/** Tokens over every stored answer of the run (see RunSummary.usage). */
function usageOf(rounds: RunRounds): RunUsage {
  const usage: RunUsage = { promptTokens: 0, completionTokens: 0 };
  for (const state of rounds.all()) {
    const tokens = state.tokenTotals();
    usage.promptTokens += tokens.prompt;
    usage.completionTokens += tokens.completion;
  }
  return usage;
}

function countAnswers(rounds: RunRounds, descriptor: RunDescriptor, stopping?: StoppingSummary): RunCounts {
  const counts: RunCounts = {
    personas: rounds.personas,
    expected: rounds.perRound * descriptor.rounds,
    answered: 0,
    unparsed: 0,
    failed: 0,
    cached: 0,
    modelCalls: 0,
    modelPromptTokens: 0,
    modelCompletionTokens: 0,
    missing: 0,
  };
  for (const state of rounds.all()) {
    const tokens = state.tokenTotals();
    counts.modelPromptTokens += tokens.modelPrompt;
    counts.modelCompletionTokens += tokens.modelCompletion;
    counts.modelCalls += tokens.extraModelCalls;
    const { ok, unparsed, failed, cached } = state.statusCounts();
    counts.answered += ok;
    counts.unparsed += unparsed;
    counts.failed += failed;
    counts.cached += cached;
    counts.modelCalls += ok + unparsed + failed - cached;
  }
  // A crowd stopped at its precision skipped the rest on purpose: those answers are not missing.
  if (stopping) counts.skipped = stopping.reason === 'precision' ? stopping.callsSaved : 0;
  counts.missing =
    counts.expected - counts.answered - counts.unparsed - counts.failed - (counts.skipped ?? 0);
  return counts;
}
