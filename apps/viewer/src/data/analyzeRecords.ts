import {
  type EstimateSummary,
  type ResponseRecord,
  RoundState,
  type RoundStats,
  roundStats,
  summarizeEstimates,
} from '@emocrowd/crowd/analysis';
import { sampleFromRecords } from './sampleFromRecords.js';

/** The analysis of a file of answers, as the views show it. */
export interface RecordsAnalysis {
  summary: EstimateSummary;
  rounds: RoundStats[];
}

/**
 * Analyses answers in the browser with crowd's own functions: `summarizeEstimates` over the last
 * round (every strategy, the subset-size analysis, a breakdown by every group dimension with
 * bootstrap intervals) and `roundStats` per round. The same code makes `summary.json`, so a
 * dropped `responses.jsonl` shows the numbers `emocrowd run` printed (with the viewer's
 * permutation and resample counts).
 *
 * @param records the answers.
 * @param truth the true value.
 * @param options permutations of the subset analysis (default 200), bootstrap resamples (default 500), seed (default 0).
 * @returns the summary and per-round stats.
 * @throws RangeError when the last round has no parsed answer.
 */
export function analyzeRecords(
  records: readonly ResponseRecord[],
  truth: number,
  options: { subsets?: number; bootstrap?: number; seed?: number } = {},
): RecordsAnalysis {
  const roundIds = [...new Set(records.map((r) => r.round))].sort((a, b) => a - b);
  const last = roundIds[roundIds.length - 1] ?? 0;
  const sample = sampleFromRecords(records, last);
  if (sample.values.length === 0) throw new RangeError('the file has no parsed estimate to analyse');
  const summary = summarizeEstimates(sample, truth, {
    subsets: (options.subsets ?? 200) > 0 ? { B: options.subsets ?? 200 } : false,
    groups: true,
    bootstrap: options.bootstrap ?? 500,
    seed: options.seed ?? 0,
  });
  // One slot per (replicate, persona) in every round, so each answer lines up with the same
  // persona's previous answer (revision weights).
  const keys = [...new Set(records.map((r) => `${r.replicate}:${r.personaIndex}`))].sort((a, b) => {
    const [ra, pa] = a.split(':').map(Number) as [number, number];
    const [rb, pb] = b.split(':').map(Number) as [number, number];
    return ra - rb || pa - pb;
  });
  const slotOf = new Map(keys.map((key, slot) => [key, slot]));
  const states = roundIds.map((round) => {
    const state = new RoundState(round, keys.length);
    for (const record of records) {
      if (record.round === round)
        state.add(slotOf.get(`${record.replicate}:${record.personaIndex}`) as number, record);
    }
    return state;
  });
  const rounds = states.map((state, i) => roundStats(state, truth, undefined, states[i - 1]));
  return { summary, rounds };
}
