import type { StudySettingName, StudySettings } from './studySettings.js';

/** One level of a factor: its name (used by contrasts, `--set` and cell names) and its value. */
export interface StudyLevel {
  readonly name: string;
  readonly value: unknown;
}

/** A run setting the study varies, with its levels in file order. */
export interface StudyFactor {
  readonly name: StudySettingName;
  readonly levels: readonly StudyLevel[];
}

/** One cell: one run, named, at one level of every factor. */
export interface StudyCell {
  readonly name: string;
  /** The level name of each factor, in factor order. */
  readonly factors: Readonly<Record<string, string>>;
  /** The cell's settings: the study's fixed settings and its factor levels' values. */
  readonly settings: StudySettings;
}

/** One comparison of two cells: a - b. */
export interface StudyContrast {
  readonly name: string;
  /** The cell whose value comes first in a - b. */
  readonly a: string;
  readonly b: string;
  /** The factor it contrasts, and its two levels (absent for contrasts of named cells). */
  readonly of?: string;
  readonly levels?: { readonly a: string; readonly b: string };
  /** The levels of the other factors both cells share (those with more than one level). */
  readonly at?: Readonly<Record<string, string>>;
}

/** How a study's report computes its intervals and tests. */
export interface StudyReportOptions {
  /** Strategies compared (default: those both cells of a contrast report). */
  readonly strategies?: readonly string[];
  /** Bootstrap resamples per contrast (default 2000). */
  readonly bootstrap: number;
  /** Random permutations per contrast for the p-values (default 2000; 0 = no p-values). */
  readonly permutations: number;
  /** Coverage of the intervals (default 0.95). */
  readonly level: number;
}

/** A study resolved from its file and the command line: every cell and contrast spelled out. */
export interface StudyDesign {
  readonly name: string;
  readonly description?: string;
  /** Settings every cell shares. */
  readonly fixed: StudySettings;
  readonly factors: readonly StudyFactor[];
  readonly cells: readonly StudyCell[];
  readonly contrasts: readonly StudyContrast[];
  readonly report: StudyReportOptions;
  /** `--set` assignments applied, as given. */
  readonly overrides: readonly string[];
}
