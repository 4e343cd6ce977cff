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
  /** The request as given (flags or viewer form), for reruns. */
  request: Record<string, unknown>;
  createdAt: string;
  versions: { emocrowd: string; node: string };
}
