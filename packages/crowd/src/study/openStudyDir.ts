import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeJsonAtomic } from '../store/writeJsonAtomic.js';
import { describeStudyDifference } from './describeStudyDifference.js';
import { readStudy } from './readStudy.js';
import { STUDY_FILES, type StudyManifest } from './StudyManifest.js';

/**
 * Creates a study directory, or reopens one to continue it.
 *
 * Behaviour:
 * 1. A directory with a `study.json` is continued only when its cells, scale and shard are those
 *    of `manifest` (`describeStudyDifference`); `study.json` is then rewritten with the new
 *    contrasts and report options, keeping its creation time.
 * 2. A missing or empty directory is created with `study.json`.
 * 3. Anything else (a directory holding other files) is refused: nothing already there is ever
 *    overwritten.
 *
 * @param dir the study directory
 * @param manifest the study as the file and flags describe it now
 * @returns the manifest written, and whether the directory held the study already
 * @throws RangeError naming the directory and the fix
 */
export function openStudyDir(
  dir: string,
  manifest: StudyManifest,
): { manifest: StudyManifest; continued: boolean } {
  const path = join(dir, STUDY_FILES.manifest);
  if (existsSync(path)) {
    let stored: StudyManifest;
    try {
      stored = readStudy(dir);
    } catch (error) {
      throw new RangeError(`${(error as Error).message}; choose another --out`);
    }
    const difference = describeStudyDifference(stored, manifest);
    if (difference)
      throw new RangeError(
        `${dir} holds study "${stored.design.name}" made differently (${difference}); choose another --out, or give the file and flags it was made with`,
      );
    const updated: StudyManifest = { ...manifest, createdAt: stored.createdAt };
    writeJsonAtomic(path, updated);
    return { manifest: updated, continued: true };
  }
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new RangeError(`--out ${dir} is not empty and holds no study; choose a new or empty directory`);
  mkdirSync(dir, { recursive: true });
  writeJsonAtomic(path, manifest);
  return { manifest, continued: false };
}
