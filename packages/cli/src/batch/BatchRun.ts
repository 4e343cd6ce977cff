import type { BatchCrowd, RunDescriptor, RunSummaryOptions } from '@emocrowd/crowd';
import type { RunRequest } from '../run/RunRequest.js';

/** A run directory opened for batch export, import or submission. */
export interface BatchRun {
  /** The run directory (absolute). */
  dir: string;
  /** The directory as the user named it, for the commands messages suggest. */
  label: string;
  descriptor: RunDescriptor;
  request: RunRequest;
  /** What the run asks, with the online adapter whose requests a batch carries. */
  crowd: BatchCrowd;
  /** The summary options the run was made with. */
  summary: RunSummaryOptions;
  /** Closes the response cache. */
  close(): Promise<void>;
}
