import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_FILES, type RunManifest } from './RunManifest.js';
import { RunStoreError } from './RunStoreError.js';

/**
 * Reads a run directory's `run.json`.
 *
 * @param dir the run directory.
 * @returns the manifest.
 * @throws RunStoreError `no-run` when there is no run.json, `unreadable` when it is not a
 *   schemaVersion 1 manifest in valid JSON.
 */
export function readRunManifest(dir: string): RunManifest {
  const path = join(dir, RUN_FILES.manifest);
  if (!existsSync(path))
    throw new RunStoreError('no-run', dir, `${dir} holds no run (no ${RUN_FILES.manifest})`);
  let manifest: RunManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as RunManifest;
  } catch (error) {
    throw new RunStoreError(
      'unreadable',
      dir,
      `${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    manifest.schemaVersion !== 1 ||
    typeof manifest.descriptor !== 'object'
  ) {
    throw new RunStoreError(
      'unreadable',
      dir,
      `${path}: not an emocrowd run manifest (schemaVersion 1 expected)`,
    );
  }
  return manifest;
}
