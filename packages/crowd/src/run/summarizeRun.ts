import {
  beamToPlutchik,
  formatIntensity,
  type GoEmotionLabel,
  goEmotionToPlutchik,
  intensityScaleOf,
  isGoEmotionLabel,
} from '@emocrowd/agents';
import { intensityTrends } from '../analysis/intensityTrends.js';
import { summarizeEstimates } from '../analysis/summarizeEstimates.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunCounts, RunSummary } from '../events/RunSummary.js';
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
  /** Dimensions to break down by; default emotion, plutchik, spectrum, intensity and every social attribute. */
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

  const last = [...rounds].reverse().find((state) => state.size > 0) ?? rounds[rounds.length - 1];
  const { values, confidence, groups, scales } = lastRoundSample(last, personas);
  const wanted = options.groupBy;
  const usedGroups = Object.fromEntries(
    Object.entries(groups).filter(
      ([key, column]) => new Set(column).size > 1 && (!wanted || wanted.includes(key)),
    ),
  );
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
  const estimateSummary = summarizeEstimates({ values, confidence, groups: usedGroups }, truth, {
    ...(options.strategies ? { strategies: options.strategies } : {}),
    subsets: B > 0 && values.length > 1 ? { B, tolerance: options.tolerance ?? 0.1 } : false,
    groups: Object.keys(usedGroups).length > 0,
    bootstrap: options.bootstrap ?? 500,
    seed: descriptor.seed,
  });
  const trends = intensityTrends(values, truth, scales.levels, {
    by: scales.scales,
    labels: scales.labels,
    bootstrap: options.bootstrap ?? 500,
    seed: descriptor.seed,
  }).filter((trend) => trend.levels.length >= 2);
  return { ...summaryBase, ...estimateSummary, ...(trends.length > 0 ? { intensityTrends: trends } : {}) };
}

/** The last round's answers with a number, in slot order, with their group labels and intensity scales. */
function lastRoundSample(
  last: RoundState | undefined,
  personas: PersonaList,
): {
  values: number[];
  confidence: (number | undefined)[];
  groups: Record<string, string[]>;
  scales: { scales: (string | undefined)[]; levels: (number | undefined)[]; labels: (string | undefined)[] };
} {
  const values: number[] = [];
  const confidence: (number | undefined)[] = [];
  const groups: Record<string, string[]> = { emotion: [], plutchik: [], spectrum: [], intensity: [] };
  const scales = {
    scales: [] as (string | undefined)[],
    levels: [] as (number | undefined)[],
    labels: [] as (string | undefined)[],
  };
  // entries() runs in ascending slot order: no copy, no sort, whatever the crowd's size.
  for (const [slot, lite] of last ? last.entries() : []) {
    if (lite.status !== 'ok' || lite.estimate === undefined) continue;
    const persona = personas.at(slot % personas.count);
    values.push(lite.estimate);
    confidence.push(lite.confidence);
    const emotion = lite.emotion ?? persona.emotion?.label ?? 'none';
    (groups.emotion as string[]).push(emotion);
    (groups.plutchik as string[]).push(plutchikOf(emotion, persona.emotion?.model));
    // The intensity a persona was given (the swept variable), not the one later rounds moved it to.
    const scale = persona.emotion === undefined ? undefined : intensityScaleOf(persona.emotion);
    (groups.spectrum as string[]).push(persona.emotion?.spectrum ?? 'none');
    (groups.intensity as string[]).push(scale === undefined ? 'none' : formatIntensity(scale.level));
    scales.scales.push(scale?.scale);
    scales.levels.push(scale?.level);
    scales.labels.push(persona.emotion?.label);
    for (const [key, value] of Object.entries(persona.attributes)) {
      groups[key] ??= new Array<string>(values.length - 1).fill('unknown');
      const column = groups[key];
      column.push(value);
    }
    for (const column of Object.values(groups)) if (column.length < values.length) column.push('unknown');
  }
  return { values, confidence, groups, scales };
}

function plutchikOf(label: string, model: string | undefined): string {
  if (model === 'plutchik') return label;
  if (model === 'beam') return beamToPlutchik(label)?.emotion ?? 'none';
  if (!isGoEmotionLabel(label)) return 'none';
  const mapped = goEmotionToPlutchik(label as GoEmotionLabel);
  return mapped ? mapped.emotion : 'none';
}

function emptyMetrics(): Record<string, number> {
  return { n: 0 };
}
