import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STUDY_FILES, type StudyManifest } from './StudyManifest.js';

/**
 * Reads a study directory's `study.json`.
 *
 * @param dir the study directory
 * @returns the manifest
 * @throws Error naming the file and the fix when it is missing or not a study manifest
 */
export function readStudy(dir: string): StudyManifest {
  const path = join(dir, STUDY_FILES.manifest);
  if (!existsSync(path))
    throw new Error(
      `${dir} is not a study directory (no ${STUDY_FILES.manifest}); run emocrowd study run FILE --out ${dir} first`,
    );
  let manifest: StudyManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as StudyManifest;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (
    manifest?.schemaVersion !== 1 ||
    typeof manifest.design !== 'object' ||
    !Array.isArray(manifest.design?.cells)
  )
    throw new Error(`${path}: not an emocrowd study manifest (schemaVersion 1 expected)`);
  return manifest;
}
