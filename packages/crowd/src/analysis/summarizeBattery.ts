import type { CrowdSample } from '../stats/CrowdSample.js';
import { type CrossItemAnalysis, crossItemRanking } from './crossItemRanking.js';
import type { HumanFidelity } from './humanFidelity.js';
import type { IntensityTrend } from './intensityTrends.js';
import { leaveOneItemOutCue } from './leaveOneItemOutCue.js';
import { personaSkill, type SkillSummary } from './personaSkill.js';
import { respondentErrors } from './respondentErrors.js';
import type { ConductSummary } from './summarizeConduct.js';
import { type EstimateSummary, type SummaryOptions, summarizeEstimates } from './summarizeEstimates.js';

/** One item of a battery as analysed: its crowd and who gave each answer. */
export interface BatteryItem {
  /** The item's id. */
  id: string;
  truth: number;
  sample: CrowdSample;
  /** Who gave each answer (a persona, a human respondent), aligned with `sample.values`. */
  respondents: readonly string[];
}

/** The report of one item of a battery (`items[]` of the JSON output). */
export interface ItemSummary {
  id: string;
  truth: number;
  /** Answers with a number. */
  n: number;
  /** Everything a single question's summary has; `null` when the item has no answer with a number. */
  summary: EstimateSummary | null;
  /** The dose-response of an intensity sweep over this item's answers (added by `summarizeRun`). */
  intensityTrends?: IntensityTrend[];
  /** How these answers compare with the item's human crowd, when it has one (added by the caller). */
  fidelity?: HumanFidelity;
  /** The conduct check over this item's answers (added by `summarizeRun`). */
  conduct?: ConductSummary;
}

/** What `summarizeBattery` reports. */
export interface BatterySummary {
  items: ItemSummary[];
  /** Which strategy does best across the items. */
  crossItem: CrossItemAnalysis;
  /** How good each respondent is across the items, and whether that is stable. */
  skill: SkillSummary;
}

/** Options of `summarizeBattery`: those of `summarizeEstimates`, applied to each item, and more. */
export interface BatterySummaryOptions extends SummaryOptions {
  /**
   * The ability cue of the cue strategies (selectCrowd, bestEmotionSubset): `other-items`
   * (default) measures each judge's skill on the battery's other items; `given` keeps the cue the
   * samples carry (a column of the data, `--cue-column`).
   */
  cue?: 'other-items' | 'given';
  /** Resamples of the cross-item intervals (default 2000). */
  crossItemResamples?: number;
}

/**
 * The report of a battery: every item summarised as a single question would be, with the cue
 * strategies computed for real, which strategy wins across items, and each respondent's skill.
 *
 * 1. Each item's cue strategies get, for each judge, its skill on the *other* items
 *    (`leaveOneItemOutCue`), so an item's truth never influences who answers for it (unless
 *    `cue: 'given'`: then the samples' own cue).
 * 2. `crossItem` ranks the strategies over the items (`crossItemRanking`).
 * 3. `skill` is each respondent's mean |ln(x/T)|, its split-half reliability and its breakdown by
 *    group (`personaSkill`).
 * Every random draw is seeded: item i's from `seed:<item id>`, the cross-item intervals from
 * `seed:crossItem`, skill intervals from `seed:skill`, so adding an item leaves the others' own
 * numbers unchanged.
 *
 * @param items the items, in battery order
 * @param options strategies, subsets, groups, bootstrap, seed, cue source, cross-item resamples
 * @returns items, crossItem and skill
 */
export function summarizeBattery(
  items: readonly BatteryItem[],
  options: BatterySummaryOptions = {},
): BatterySummary {
  const { cue: cueSource = 'other-items', crossItemResamples, ...estimateOptions } = options;
  const seed = options.seed ?? 0;
  const errors = respondentErrors(items);
  const summaries: ItemSummary[] = items.map((item, i) => {
    const n = item.sample.values.length;
    if (n === 0) return { id: item.id, truth: item.truth, n, summary: null };
    const sample: CrowdSample =
      cueSource === 'given'
        ? item.sample
        : { ...item.sample, cue: leaveOneItemOutCue(errors, i, item.respondents) };
    return {
      id: item.id,
      truth: item.truth,
      n,
      summary: summarizeEstimates(sample, item.truth, {
        ...estimateOptions,
        ...(n > 1 ? {} : { subsets: false }),
        seed: `${seed}:${item.id}`,
      }),
    };
  });
  const crossItem = crossItemRanking(
    summaries.flatMap((s) => (s.summary ? [{ id: s.id, aggregates: s.summary.aggregates }] : [])),
    {
      seed: `${seed}:crossItem`,
      ...(crossItemResamples !== undefined ? { resamples: crossItemResamples } : {}),
    },
  );
  const skill = personaSkill(items, errors, {
    seed: `${seed}:skill`,
    ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
  });
  return { items: summaries, crossItem, skill };
}
