import type { CrowdSample } from '../stats/CrowdSample.js';
import type { IntensityTrend } from './intensityTrends.js';
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
  /** The conduct check over this item's answers (added by `summarizeRun`). */
  conduct?: ConductSummary;
}

/** What `summarizeBattery` reports. */
export interface BatterySummary {
  items: ItemSummary[];
}

/** Options of `summarizeBattery`: those of `summarizeEstimates`, applied to each item. */
export type BatterySummaryOptions = SummaryOptions;

/**
 * The report of a battery: every item summarised as a single question would be.
 *
 * @param items - the items, in battery order
 * @param options - strategies, subsets, groups, bootstrap, seed (each item draws from its own seed
 *   `seed:item`, so adding an item leaves the others' numbers unchanged)
 * @returns one entry per item
 */
export function summarizeBattery(
  items: readonly BatteryItem[],
  options: BatterySummaryOptions = {},
): BatterySummary {
  return {
    items: items.map((item) => ({
      id: item.id,
      truth: item.truth,
      n: item.sample.values.length,
      summary:
        item.sample.values.length === 0
          ? null
          : summarizeEstimates(item.sample, item.truth, {
              ...options,
              ...(item.sample.values.length > 1 ? {} : { subsets: false }),
              seed: `${options.seed ?? 0}:${item.id}`,
            }),
    })),
  };
}
