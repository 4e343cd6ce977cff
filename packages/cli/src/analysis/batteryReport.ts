import { type BatterySummary, type HumanFidelity, type SkippedRows, summarizeBattery } from '@emocrowd/crowd';
import type { LoadedBattery } from './loadBattery.js';
import type { EstimateInput } from './loadEstimateInput.js';
import type { CrowdAnalysisOptions } from './summarizeCrowd.js';

/** One item of `analyze --json` on a battery: its summary and the rows read for it. */
export interface BatteryReportItem extends Omit<BatterySummary['items'][number], never> {
  rows: number;
  skipped: SkippedRows;
}

/**
 * The analysis of a battery read by `analyze`: `summarizeBattery` over its items with the
 * command's options (no statistic is computed here).
 *
 * @param loaded the battery and how it was read
 * @param options strategies, subsets, tolerance, seed, selectCrowd's k
 * @returns the battery's summary
 */
export function analyzeBattery(loaded: LoadedBattery, options: CrowdAnalysisOptions): BatterySummary {
  return summarizeBattery(loaded.battery.items, {
    ...(options.strategies ? { strategies: options.strategies } : {}),
    subsets:
      options.subsets > 0
        ? {
            B: options.subsets,
            tolerance: options.tolerance,
            ...(options.ks ? { extraKs: options.ks } : {}),
            ...(options.epsilon !== undefined ? { epsilon: options.epsilon } : {}),
          }
        : false,
    groups: loaded.battery.breakdownBy.length > 0,
    bootstrap: options.bootstrap ?? 500,
    seed: options.seed,
    cue: loaded.cue,
    ...(options.wocTies ? { wocTies: options.wocTies } : {}),
    ...(options.selectK !== undefined ? { strategyOptions: { selectCrowd: { k: options.selectK } } } : {}),
  });
}

/**
 * The `--json` report of `analyze` on a battery: how it was read, then `items[]`, `crossItem` and
 * `skill` (keys in docs/json-output.md).
 *
 * @param input the input
 * @param loaded the battery and how it was read
 * @param summary its summary
 * @param fidelity each item's comparison with its human crowd, if any
 * @returns the JSON-ready object (status and the manipulation check are added by the command)
 */
export function batteryJson(
  input: EstimateInput,
  loaded: LoadedBattery,
  summary: BatterySummary,
  fidelity: readonly (HumanFidelity | undefined)[] = [],
): Record<string, unknown> {
  const b = loaded.battery;
  return {
    input: input.path,
    kind: input.kind,
    format: loaded.format,
    ...(loaded.column !== undefined ? { column: loaded.column } : {}),
    ...(loaded.itemColumn !== undefined ? { itemColumn: loaded.itemColumn } : {}),
    ...(loaded.itemColumns !== undefined ? { itemColumns: loaded.itemColumns } : {}),
    ...(loaded.respondentColumn !== undefined ? { respondentColumn: loaded.respondentColumn } : {}),
    truthFrom: loaded.truthFrom,
    cue: loaded.cue,
    filters: loaded.filters,
    breakdownBy: b.breakdownBy,
    rows: b.rows,
    filteredOut: b.filteredOut,
    notes: loaded.notes,
    respondents: b.respondents,
    items: summary.items.map(
      (item, i): BatteryReportItem => ({
        ...item,
        rows: b.items[i]?.rows ?? 0,
        skipped: b.items[i]?.skipped as SkippedRows,
        ...(fidelity[i] ? { fidelity: fidelity[i] } : {}),
      }),
    ),
    crossItem: summary.crossItem,
    skill: summary.skill,
  };
}
