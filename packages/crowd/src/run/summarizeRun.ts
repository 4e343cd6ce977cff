import { summarizeEstimates } from '../analysis/summarizeEstimates.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunCounts, RunSummary } from '../events/RunSummary.js';
import { lastRoundSample } from './lastRoundSample.js';
import type { PersonaList } from './PersonaList.js';
import type { RoundState } from './RoundState.js';
import { roundStats } from './roundStats.js';

/** What the summary of a run includes beyond aggregates and metrics. */
export interface RunSummaryOptions {
  /** Strategy names; default every registered strategy. */
  strategies?: readonly string[];
  /** Permutations of the subset-size analysis; 0 skips it. Default 200. */
  subsets?: number;
  /** Relative tolerance of the subset analysis' accuracy. Default 0.1. */
  tolerance?: number;
  /** Dimensions to break down by; default emotion, plutchik and every social attribute. */
  groupBy?: readonly string[];
  /** Bootstrap resamples of the mean intervals of groups up to 2,000 answers (medians are exact). Default 500. */
  bootstrap?: number;
}

/**
 * The summary of a run: counts over every round, aggregates, metrics, subsets and breakdowns
 * over the last round's answers, and per-round measures. Answers are taken in slot order
 * (replicate, then persona position), so the result does not depend on arrival order.
 */
export function summarizeRun(input: {
  descriptor: RunDescriptor;
  personas: PersonaList;
  rounds: readonly RoundState[];
  options: RunSummaryOptions | undefined;
  elapsedMs: number;
}): RunSummary {
  const { descriptor, personas, rounds } = input;
  const options = input.options ?? {};
  const truth = descriptor.task.truth;
  const counts: RunCounts = {
    personas: personas.count,
    expected: personas.count * descriptor.replicates * descriptor.rounds,
    answered: 0,
    unparsed: 0,
    failed: 0,
    cached: 0,
    modelCalls: 0,
    missing: 0,
  };
  for (const state of rounds) {
    for (const [, lite] of state.entries()) {
      if (lite.status === 'ok') counts.answered++;
      else if (lite.status === 'unparsed') counts.unparsed++;
      else counts.failed++;
      if (lite.cached) counts.cached++;
      else counts.modelCalls++;
    }
  }
  counts.missing = counts.expected - counts.answered - counts.unparsed - counts.failed;

  const { sample } = lastRoundSample(personas, rounds, options.groupBy);
  const { values, groups } = sample;
  const summaryBase = {
    schemaVersion: 1 as const,
    runId: descriptor.runId,
    task: descriptor.task,
    model: { id: descriptor.model.id, isLanguageModel: descriptor.model.isLanguageModel },
    seed: descriptor.seed,
    counts,
    rounds: rounds.filter((state) => state.size > 0).map((state) => roundStats(state, truth)),
    timing: {
      elapsedMs: Math.round(input.elapsedMs),
      answersPerSecond:
        input.elapsedMs > 0 ? Math.round(((counts.expected - counts.missing) / input.elapsedMs) * 1000) : 0,
    },
  };
  if (values.length === 0) {
    return { ...summaryBase, truth, aggregates: {}, metrics: emptyMetrics() } as unknown as RunSummary;
  }
  const B = options.subsets ?? 200;
  const estimateSummary = summarizeEstimates(sample, truth, {
    ...(options.strategies ? { strategies: options.strategies } : {}),
    subsets: B > 0 && values.length > 1 ? { B, tolerance: options.tolerance ?? 0.1 } : false,
    groups: Object.keys(groups).length > 0,
    bootstrap: options.bootstrap ?? 500,
    seed: descriptor.seed,
  });
  return { ...summaryBase, ...estimateSummary };
}

function emptyMetrics(): Record<string, number> {
  return { n: 0 };
}
