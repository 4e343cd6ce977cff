import type { RunDescriptor } from '../events/RunDescriptor.js';

/** File names of a run directory. */
export const RUN_FILES = {
  manifest: 'run.json',
  responses: 'responses.jsonl',
  summary: 'summary.json',
  /** The network's edge list, when the run's influence has one (`--network`). */
  network: 'network.csv',
  /** A person's review of the conduct judge's verdicts (`emocrowd conduct review`). */
  conductReview: 'conduct-review.yaml',
} as const;

/**
 * `run.json`: what the run is (its descriptor, which fixes every answer given the model), the
 * request it came from, when it was created and with which versions.
 */
export interface RunManifest {
  schemaVersion: 1;
  descriptor: RunDescriptor;
  /** The request as given (flags or viewer form): `--resume DIR` takes every setting from it. */
  request: Record<string, unknown>;
  /**
   * The directory the request's relative paths (task, persona and network files, the cache) were
   * given in, so a resumed run finds them from any working directory. Absent in runs made
   * before it was recorded (their paths are then taken from the current directory).
   */
  cwd?: string;
  createdAt: string;
  versions: { emocrowd: string; node: string };
}
