import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { RunSummary } from '../events/RunSummary.js';
import { RUN_FILES, type RunManifest } from './RunManifest.js';
import { readResponses } from './readResponses.js';
import { readRunManifest } from './readRunManifest.js';

/** A run read back from its directory. */
export interface StoredRun {
  dir: string;
  manifest: RunManifest;
  /** Missing while the run is going, or when it was stopped by a crash. */
  summary?: RunSummary;
  records: ResponseRecord[];
}

/**
 * Reads `run.json`, `summary.json` (when present) and `responses.jsonl` of a run directory.
 * Errors name the file and the fix (a missing or damaged run.json is a `RunStoreError`).
 */
export function readRun(dir: string, opts: { records?: boolean } = {}): StoredRun {
  const manifest = readRunManifest(dir);
  const summaryPath = join(dir, RUN_FILES.summary);
  const summary = existsSync(summaryPath) ? readJson<RunSummary>(summaryPath, '') : undefined;
  const records = opts.records === false ? [] : readResponses(join(dir, RUN_FILES.responses)).records;
  return { dir, manifest, ...(summary ? { summary } : {}), records };
}

function readJson<T>(path: string, missing: string): T {
  if (!existsSync(path)) throw new Error(missing || `${path} is missing`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}
