import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_FILES, readStudy, STUDY_FILES, type StudyListing, type StudyReport } from '@emocrowd/crowd';
import { readStudyReport } from '../study/readStudyReport.js';
import { HttpError } from './HttpError.js';
import { resolveRunDir } from './resolveRunDir.js';

/**
 * The study directories of the run store (`GET /api/studies`): every directory directly in it
 * that holds a study.json, newest first, with its cells counted. A directory whose study.json
 * cannot be read is left out.
 *
 * @param runsDir the run store
 * @returns the listings
 */
export async function listStudies(runsDir: string): Promise<StudyListing[]> {
  const entries = await readdir(runsDir, { withFileTypes: true }).catch(() => []);
  const out: StudyListing[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !existsSync(join(runsDir, entry.name, STUDY_FILES.manifest))) continue;
    try {
      const manifest = readStudy(join(runsDir, entry.name));
      const cells = manifest.design.cells;
      out.push({
        id: entry.name,
        name: manifest.design.name,
        ...(manifest.design.description ? { description: manifest.design.description } : {}),
        createdAt: manifest.createdAt,
        cells: cells.length,
        complete: cells.filter((c) => existsSync(join(runsDir, entry.name, c.name, RUN_FILES.summary)))
          .length,
        contrasts: manifest.design.contrasts.length,
      });
    } catch {
      // not a readable study: not listed
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The report of one study of the store (`GET /api/studies/:id`), computed as `emocrowd study
 * report DIR --json` computes it.
 *
 * @param runsDir the run store
 * @param id the study directory's name in it
 * @returns the report
 * @throws HttpError 400 for an id that is not a plain name, 404 without such a study
 */
export function studyReportOf(runsDir: string, id: string): StudyReport {
  const dir = resolveRunDir(runsDir, id);
  if (dir === undefined) throw new HttpError(400, `not a study id: "${id.slice(0, 80)}"`);
  if (!existsSync(join(dir, STUDY_FILES.manifest))) throw new HttpError(404, `no study ${id} in ${runsDir}`);
  try {
    return readStudyReport(dir, runsDir).report;
  } catch (error) {
    throw new HttpError(422, `study ${id}: ${(error as Error).message.split('\n')[0]}`);
  }
}
