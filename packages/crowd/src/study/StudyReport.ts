import type { RunSummary } from '../events/RunSummary.js';
import type { ContrastHistogram } from './contrastHistogram.js';
import type { ContrastMetric } from './contrastMetrics.js';
import type { StudyFactor } from './StudyDesign.js';

/** A cell's summary as a study report carries it: its summary.json without the wall-clock `timing`. */
export type StudyCellSummary = Omit<RunSummary, 'timing'>;

/** One cell of a study report. */
export interface StudyReportCell {
  readonly name: string;
  /** The level name of each factor. */
  readonly factors: Readonly<Record<string, string>>;
  /** The cell's run directory, relative to the study directory. */
  readonly runDir: string;
  /** complete: every answer; stopped: a summary with answers missing; incomplete: no summary yet; missing: never started. */
  readonly state: 'complete' | 'stopped' | 'incomplete' | 'missing';
  readonly summary: StudyCellSummary | null;
}

/** How a contrast's two cells were compared. */
export type StudyPairing =
  | { readonly paired: true; readonly pairs: number; readonly unpairedA: number; readonly unpairedB: number }
  | { readonly paired: false; readonly reason: string };

/** One contrast of a study report: cell a minus cell b. */
export interface StudyReportContrast {
  readonly name: string;
  readonly a: string;
  readonly b: string;
  readonly of?: string;
  readonly levels?: { readonly a: string; readonly b: string };
  readonly at?: Readonly<Record<string, string>>;
  /** The battery item compared (a battery's contrasts are per item). */
  readonly item?: string;
  /** Null when the contrast could not be computed (see notes). */
  readonly pairing: StudyPairing | null;
  /** `absError.<strategy>`, `meanAbsLogRatio`, `dispersion` (see docs/metrics.md). */
  readonly metrics: Readonly<Record<string, ContrastMetric>>;
  readonly histogram: ContrastHistogram | null;
  readonly notes: readonly string[];
}

/** `emocrowd study report --json`: every cell and every contrast of a study. */
export interface StudyReport {
  readonly schemaVersion: 1;
  readonly study: {
    readonly name: string;
    readonly description?: string;
    /** The study file as given when the study was run, and the SHA-256 of its content. */
    readonly source: { readonly file: string; readonly sha256: string };
    readonly scale?: { readonly numerator: number; readonly denominator: number };
    readonly shard?: { readonly index: number; readonly count: number };
    /** `--set` assignments applied. */
    readonly overrides: readonly string[];
    readonly factors: readonly StudyFactor[];
  };
  readonly settings: {
    /** The strategies compared; null: those computed in both cells of each contrast. */
    readonly strategies: readonly string[] | null;
    readonly bootstrap: number;
    readonly permutations: number;
    readonly level: number;
    /** The seed of every resample and permutation. */
    readonly seed: number;
    /** Holm's step-down adjustment (Holm 1979) over every p-value of the report. */
    readonly multiplicity: { readonly method: 'holm'; readonly tests: number };
  };
  readonly cells: readonly StudyReportCell[];
  readonly contrasts: readonly StudyReportContrast[];
  readonly notes: readonly string[];
}
