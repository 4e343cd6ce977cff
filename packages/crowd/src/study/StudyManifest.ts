import type { StudyDesign } from './StudyDesign.js';

/** File names of a study directory; each cell's run directory is `<study dir>/<cell name>`. */
export const STUDY_FILES = { manifest: 'study.json' } as const;

/**
 * `study.json`: what a study directory holds. The design (every cell with its settings) fixes
 * the answers; `emocrowd study run` refuses to continue a directory whose cells differ from the
 * file and flags given, and updates the contrasts and report options, which change no answer.
 */
export interface StudyManifest {
  schemaVersion: 1;
  design: StudyDesign;
  /** The study file as given on the command line, and the SHA-256 of its content. */
  source: { file: string; sha256: string };
  /** A seeded fraction of every cell's personas was asked (`--scale`). */
  scale?: { numerator: number; denominator: number };
  /** This directory holds shard `index` (0-based) of `count` of every cell (`--shard`). */
  shard?: { index: number; count: number };
  createdAt: string;
  versions: { emocrowd: string; node: string };
}
