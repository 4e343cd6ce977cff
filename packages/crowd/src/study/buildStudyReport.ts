import { createRng } from '@emocrowd/models';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import type { RunSummary } from '../events/RunSummary.js';
import { holmAdjust } from '../stats/fisherExactTest.js';
import type { AggregationStrategy, StrategyOptions } from '../strategies/AggregationStrategy.js';
import { strategies as registered } from '../strategies/strategies.js';
import type { CellItemSample } from './cellSamples.js';
import { contrastHistogram } from './contrastHistogram.js';
import { type ContrastMetric, contrastMetrics } from './contrastMetrics.js';
import { pairCells } from './pairCells.js';
import type { StudyCell, StudyContrast } from './StudyDesign.js';
import type { StudyManifest } from './StudyManifest.js';
import type { StudyReport, StudyReportCell, StudyReportContrast } from './StudyReport.js';

/** A cell as the report reads it from its run directory. */
export interface StudyCellInput {
  readonly cell: StudyCell;
  /** The run directory relative to the study directory. */
  readonly runDir: string;
  /** Absent when the cell was never started. */
  readonly run?: {
    readonly descriptor: RunDescriptor;
    readonly summary?: RunSummary;
    /** One crowd per question (`cellSamples`). */
    readonly samples: readonly CellItemSample[];
    /** The strategy options the run's summary used (e.g. selectCrowd's k). */
    readonly strategyOptions?: Readonly<Record<string, StrategyOptions>>;
  };
}

/** Options that override the study file's `report:` section. */
export interface StudyReportOverrides {
  strategies?: readonly string[];
  bootstrap?: number;
  permutations?: number;
  level?: number;
}

/**
 * The report of a study: every cell's state and summary, and every contrast's metrics with
 * bootstrap intervals, permutation p-values and Holm-adjusted p-values.
 *
 * Behaviour:
 * 1. A cell's state: complete (summary, nothing missing), stopped (summary with answers
 *    missing), incomplete (run directory without summary), missing (never started). Its
 *    summary is carried without `timing`, so a study stopped and continued reports exactly what
 *    an uninterrupted one does.
 * 2. A contrast is computed only when both its cells are complete; a battery's contrast once per
 *    item both cells asked (`item`).
 * 3. Cells are paired or not by `pairCells`; metrics by `contrastMetrics`, with the strategies
 *    asked for, or else those computed in both cells' summaries (registry order).
 * 4. Each metric draws from `createRng(seed).fork("<contrast>[@item]:<metric>")`, seed = the
 *    study's `seed` setting (0 when the seed is a factor or unset): reproducible, and one metric's
 *    numbers do not depend on which others are computed.
 * 5. Every p-value of the report forms one family for Holm's adjustment (`pHolm`).
 *
 * @param manifest the study.json
 * @param cells each cell with what its run directory holds, in design order
 * @param overrides report options that replace the file's
 * @returns the report
 */
export function buildStudyReport(
  manifest: StudyManifest,
  cells: readonly StudyCellInput[],
  overrides: StudyReportOverrides = {},
): StudyReport {
  const design = manifest.design;
  const bootstrap = overrides.bootstrap ?? design.report.bootstrap;
  const permutations = overrides.permutations ?? design.report.permutations;
  const level = overrides.level ?? design.report.level;
  const wanted = overrides.strategies ?? design.report.strategies;
  const seed = typeof design.fixed.seed === 'number' ? design.fixed.seed : 0;
  const byName = new Map(cells.map((c) => [c.cell.name, c]));
  const reportCells: StudyReportCell[] = cells.map((c) => ({
    name: c.cell.name,
    factors: c.cell.factors,
    runDir: c.runDir,
    state: stateOf(c),
    summary: c.run?.summary ? withoutTiming(c.run.summary) : null,
  }));
  const contrasts = design.contrasts.flatMap((contrast) =>
    contrastEntries(contrast, byName, { wanted, bootstrap, permutations, level, seed }),
  );
  const withHolm = adjustAll(contrasts);
  const notes: string[] = [];
  const unfinished = reportCells.filter((c) => c.state !== 'complete').map((c) => `${c.name} (${c.state})`);
  if (unfinished.length > 0)
    notes.push(`cells not complete: ${unfinished.join(', ')}; run emocrowd study run again to finish them`);
  return {
    schemaVersion: 1,
    study: {
      name: design.name,
      ...(design.description !== undefined ? { description: design.description } : {}),
      source: manifest.source,
      ...(manifest.scale ? { scale: manifest.scale } : {}),
      ...(manifest.shard ? { shard: manifest.shard } : {}),
      overrides: design.overrides,
      factors: design.factors,
    },
    settings: {
      strategies: wanted ? [...wanted] : null,
      bootstrap,
      permutations,
      level,
      seed,
      multiplicity: {
        method: 'holm',
        tests: withHolm.reduce((n, c) => n + Object.values(c.metrics).filter((m) => m.p !== null).length, 0),
      },
    },
    cells: reportCells,
    contrasts: withHolm,
    notes,
  };
}

function stateOf(c: StudyCellInput): StudyReportCell['state'] {
  if (!c.run) return 'missing';
  if (!c.run.summary) return 'incomplete';
  return c.run.summary.counts.missing > 0 ? 'stopped' : 'complete';
}

function withoutTiming(summary: RunSummary): Omit<RunSummary, 'timing'> {
  const { timing: _timing, ...rest } = summary;
  return rest;
}

function contrastEntries(
  contrast: StudyContrast,
  cells: ReadonlyMap<string, StudyCellInput>,
  opts: {
    wanted: readonly string[] | undefined;
    bootstrap: number;
    permutations: number;
    level: number;
    seed: number;
  },
): StudyReportContrast[] {
  const head = {
    name: contrast.name,
    a: contrast.a,
    b: contrast.b,
    ...(contrast.of !== undefined ? { of: contrast.of } : {}),
    ...(contrast.levels ? { levels: contrast.levels } : {}),
    ...(contrast.at ? { at: contrast.at } : {}),
  };
  const a = cells.get(contrast.a);
  const b = cells.get(contrast.b);
  const notComplete = [a, b].filter((c) => !c || stateOf(c) !== 'complete').map((c) => c?.cell.name ?? '?');
  if (!a?.run || !b?.run || notComplete.length > 0)
    return [
      {
        ...head,
        pairing: null,
        metrics: {},
        histogram: null,
        notes: [`not computed: cell ${notComplete.join(' and ')} is not complete`],
      },
    ];
  const runA = a.run;
  const runB = b.run;
  const pairs = itemPairs(runA.samples, runB.samples);
  if (pairs.length === 0)
    return [
      {
        ...head,
        pairing: null,
        metrics: {},
        histogram: null,
        notes: ['not computed: the cells ask no common question'],
      },
    ];
  return pairs.map(([sa, sb]) => {
    const item = sa.item;
    const label = item === undefined ? contrast.name : `${contrast.name}@${item}`;
    const pairing = pairCells(
      { descriptor: runA.descriptor, sample: sa },
      { descriptor: runB.descriptor, sample: sb },
    );
    const names = opts.wanted ?? computedInBoth(runA.summary, runB.summary, item);
    const strategies: AggregationStrategy[] = registered.filter((s) => names.includes(s.name));
    const { metrics, notes } = contrastMetrics(sa, sb, pairing, {
      strategies,
      ...(runA.strategyOptions ? { strategyOptions: runA.strategyOptions } : {}),
      rng: (metric) => createRng(opts.seed).fork(`${label}:${metric}`),
      bootstrap: opts.bootstrap,
      permutations: opts.permutations,
      level: opts.level,
    });
    return {
      ...head,
      ...(item !== undefined ? { name: label, item } : {}),
      pairing: pairing.paired
        ? {
            paired: true,
            pairs: pairing.a.length,
            unpairedA: pairing.unpairedA,
            unpairedB: pairing.unpairedB,
          }
        : { paired: false, reason: pairing.reason },
      metrics,
      histogram: contrastHistogram(sa, sb) ?? null,
      notes,
    };
  });
}

/** The questions two cells share: their only questions, or a battery's items of the same id. */
function itemPairs(
  a: readonly CellItemSample[],
  b: readonly CellItemSample[],
): [CellItemSample, CellItemSample][] {
  if (a.length === 1 && b.length === 1 && a[0]?.item === undefined && b[0]?.item === undefined)
    return [[a[0] as CellItemSample, b[0] as CellItemSample]];
  return a.flatMap((sa) => {
    const sb = b.find((s) => s.item !== undefined && s.item === sa.item);
    return sb ? [[sa, sb] as [CellItemSample, CellItemSample]] : [];
  });
}

/** Strategies with an estimate in both summaries (for one item of a battery). */
function computedInBoth(
  a: RunSummary | undefined,
  b: RunSummary | undefined,
  item: string | undefined,
): string[] {
  const aggregates = (s: RunSummary | undefined) =>
    (item === undefined ? s?.aggregates : s?.items?.find((i) => i.id === item)?.summary?.aggregates) ?? {};
  const inA = aggregates(a);
  const inB = aggregates(b);
  return registered
    .map((s) => s.name)
    .filter((name) => inA[name]?.estimate != null && inB[name]?.estimate != null);
}

/** Every p-value of the report adjusted together (Holm 1979). */
function adjustAll(contrasts: readonly StudyReportContrast[]): StudyReportContrast[] {
  const slots: { contrast: number; key: string; p: number }[] = [];
  contrasts.forEach((c, i) => {
    for (const [key, metric] of Object.entries(c.metrics))
      if (metric.p !== null) slots.push({ contrast: i, key, p: metric.p });
  });
  const adjusted = holmAdjust(slots.map((s) => s.p));
  const out = contrasts.map((c) => ({ ...c, metrics: { ...c.metrics } as Record<string, ContrastMetric> }));
  slots.forEach((slot, i) => {
    const contrast = out[slot.contrast] as { metrics: Record<string, ContrastMetric> };
    contrast.metrics[slot.key] = {
      ...(contrast.metrics[slot.key] as ContrastMetric),
      pHolm: adjusted[i] as number,
    };
  });
  return out;
}
