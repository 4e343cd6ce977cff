import type { ResponseRecord, RunDescriptor, RunListing, RunSummary } from '@emocrowd/crowd';
import type { RunRequest } from '../run/RunRequest.js';
import type { LiveRunSource } from './LiveRun.js';

/** A run read from the store, as the server serves it. */
export interface ServedRun {
  run: { descriptor: RunDescriptor; createdAt: string };
  summary?: RunSummary;
  records: ResponseRecord[];
}

/**
 * How the server starts, lists and reads runs (the run store functions of `emocrowd run`). Event
 * streams read the run directories themselves (run.json, responses.jsonl in chunks,
 * summary.json), the format `startRun` writes.
 */
export interface ServeRunStore {
  /** Starts a run in `runsDir`; its events are cold until the server subscribes. */
  startRun(request: RunRequest, runsDir: string): Promise<LiveRunSource>;
  /** The runs in the store, newest first. */
  listRuns(runsDir: string): Promise<readonly RunListing[]>;
  /** One stored run. */
  readRun(dir: string): Promise<ServedRun>;
}
