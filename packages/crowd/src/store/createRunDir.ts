import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_FILES, type RunManifest } from './RunManifest.js';
import { RunStoreError } from './RunStoreError.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/**
 * Creates a new run directory and writes its `run.json`, the first file of every run.
 *
 * Nothing already on disk is ever overwritten or mixed with a new run: a directory that holds a
 * run is refused (continue it with `reopenRunDir`), and so is a directory that holds other files.
 * A missing or empty directory is used (parents are created).
 *
 * @param dir the run directory.
 * @param manifest what the run is (descriptor, request, versions).
 * @throws RunStoreError `exists` or `not-empty`; nothing is written then.
 */
export function createRunDir(dir: string, manifest: RunManifest): void {
  if (existsSync(join(dir, RUN_FILES.manifest))) {
    throw new RunStoreError('exists', dir, `${dir} already holds a run`);
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new RunStoreError('not-empty', dir, `${dir} is not empty and holds no run`);
  }
  mkdirSync(dir, { recursive: true });
  writeJsonAtomic(join(dir, RUN_FILES.manifest), manifest);
}
