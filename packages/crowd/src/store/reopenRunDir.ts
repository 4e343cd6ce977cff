import { join } from 'node:path';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import { describeDifference } from './describeDifference.js';
import { RUN_FILES, type RunManifest } from './RunManifest.js';
import { RunStoreError } from './RunStoreError.js';
import { readResponses } from './readResponses.js';
import { readRunManifest } from './readRunManifest.js';

/** A run directory opened to continue its run. */
export interface ReopenedRun {
  dir: string;
  manifest: RunManifest;
  /** The answers already there (a line cut short by a crash is left out). */
  completed: ResponseRecord[];
  /** Byte length of responses.jsonl's complete lines: the log is cut back to this before appending. */
  validBytes: number;
}

/**
 * Opens a run directory to continue its run: reads `run.json` and the answers already in
 * `responses.jsonl`, and checks that the run it holds is the one asked for.
 *
 * The descriptor fixes every answer given the model, so a run is continued only with the same
 * descriptor (hosts and the Ollama keep-alive may differ: they do not change answers). Anything
 * else would mix two runs' answers in one directory.
 *
 * @param dir the run directory.
 * @param expected the descriptor of the run asked for (its runId is not compared).
 * @returns the manifest, the answers so far and where the log's complete lines end.
 * @throws RunStoreError `no-run`, `unreadable`, or `different` naming the part that differs.
 */
export function reopenRunDir(dir: string, expected: Omit<RunDescriptor, 'runId'>): ReopenedRun {
  const manifest = readRunManifest(dir);
  const difference = describeDifference(manifest.descriptor, expected);
  if (difference) {
    throw new RunStoreError(
      'different',
      dir,
      `${dir}: the run there has a different ${difference} from the one asked for now`,
    );
  }
  try {
    const read = readResponses(join(dir, RUN_FILES.responses));
    return { dir, manifest, completed: read.records, validBytes: read.validBytes };
  } catch (error) {
    throw new RunStoreError('unreadable', dir, (error as Error).message.split('\n')[0] ?? String(error));
  }
}
